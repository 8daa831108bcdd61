package org.tenantregistry.command.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventEnvelope;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals the personal fields of an envelope before it goes to the topic. A tenant's key is read once in a while, not
 * for every event: the publisher may seal with a key for a few minutes after the purge destroyed it, but only events
 * it read before the purge, since the purge erased the fields from the stored events in the same transaction.
 */
@Component
public class EnvelopeSealing {

    private final EventKeys keys;
    private final List<String> personalFields;
    private final Cache<UUID, Optional<byte[]>> keysByTenant = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();

    EnvelopeSealing(EventKeys keys, ErasureProperties properties) {
        this.keys = keys;
        this.personalFields = List.copyOf(properties.personalFields());
    }

    /** The envelope as it may go to the topic; one without a personal field comes back as it was, and no key is made. */
    public TenantEventEnvelope seal(TenantEventEnvelope envelope) {
        JsonNode data = envelope.data();
        if (!SealedFields.holdsAny(data, personalFields)) {
            return envelope;
        }
        Optional<byte[]> key = keysByTenant.get(envelope.tenantId(), keys::keyToSeal);
        return envelope.withData(key
                .map(bytes -> SealedFields.seal(data, personalFields, bytes, envelope.tenantId(), envelope.eventId()))
                .orElseGet(() -> SealedFields.erase(data, personalFields)));
    }
}
