package org.tenantregistry.query.erasure;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the query side gets a tenant's key for its envelopes' sealed fields: the command side, which destroys the key
 * when it purges the tenant.
 */
public interface EventKeys {

    /**
     * @return the tenant's 32 key bytes, or empty when the tenant was purged and its key destroyed (its sealed fields
     * are then erased for this consumer too)
     * @throws EventKeyUnavailableException when the key cannot be had now (the command side away or refusing us,
     *                                      nothing configured): the event is retried, never set aside
     * @throws EventKeyNotFoundException    when the command side knows no such tenant
     */
    Optional<byte[]> keyOf(UUID tenantId);

    /**
     * Has the keys of these tenants at hand for {@link #keyOf}, asking for them together where it can. A tenant the
     * command side does not know is left to {@link #keyOf}, which says so.
     *
     * @throws EventKeyUnavailableException when the keys cannot be had now
     */
    default void fetch(Collection<UUID> tenantIds) {
        for (UUID tenantId : tenantIds) {
            try {
                keyOf(tenantId);
            } catch (EventKeyNotFoundException unknown) {
                // left to keyOf, when the event is opened
            }
        }
    }

    /** Why keys cannot be had, while the last attempt failed; empty once one succeeded (or none was needed yet). */
    Optional<String> failure();
}
