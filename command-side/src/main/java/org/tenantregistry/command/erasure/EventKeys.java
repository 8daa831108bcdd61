package org.tenantregistry.command.erasure;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where the tenants' keys live (table {@code tenant_event_key}). */
public interface EventKeys {

    /** The tenant's key, made now when it has none; empty when it was shredded. */
    Optional<byte[]> keyToSeal(UUID tenantId);

    /** The tenant's key as held, empty when it never had one. */
    Optional<EventKey> find(UUID tenantId);

    /** The keys of those tenants that have or had one. */
    Map<UUID, EventKey> findAll(Collection<UUID> tenantIds);

    /** Destroys the tenant's key for good (and refuses a new one), whether it had one or not. */
    void shred(UUID tenantId, Instant at);
}
