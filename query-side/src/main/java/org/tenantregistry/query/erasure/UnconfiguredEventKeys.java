package org.tenantregistry.query.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * No {@code tenant-registry.event-keys.uri}: envelopes without sealed fields are applied as before, and the first one
 * with a sealed field stops its tenant (retried, not lost) until the setting is made and the query side restarted.
 */
class UnconfiguredEventKeys implements EventKeys {

    private static final Logger log = LoggerFactory.getLogger(UnconfiguredEventKeys.class);
    private static final String MISSING = "tenant-registry.event-keys.uri (TENANTREGISTRY_EVENTKEYS_URI) is not set, "
            + "so the query side cannot ask the command side for tenants' keys: events with sealed fields are retried "
            + "until it is set (with .client-id and .client-secret) and the query side restarted";

    private final AtomicBoolean logged = new AtomicBoolean();

    @Override
    public Optional<byte[]> keyOf(UUID tenantId) {
        if (logged.compareAndSet(false, true)) {
            log.error("An event of tenant {} holds sealed fields, but {}", tenantId, MISSING);
        }
        throw new EventKeyUnavailableException(MISSING, null);
    }

    @Override
    public Optional<String> failure() {
        return logged.get() ? Optional.of(MISSING) : Optional.empty();
    }
}
