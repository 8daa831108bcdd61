package org.tenantregistry.command.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which events across tenants to answer, oldest first.
 *
 * @param after    only events at a greater global position; 0 from the first
 * @param tenantId one tenant's events only; null: every tenant's
 * @param types    the contract's names of the event types; empty: every type
 * @param actor    only events caused by this token subject; null: anyone's
 * @param from     only events at or after this instant; null: no lower bound
 * @param to       only events at or before this instant; null: no upper bound
 */
public record EventsQuery(long after, int limit, UUID tenantId, Set<String> types, String actor, Instant from,
                          Instant to) {

    public EventsQuery {
        types = Set.copyOf(types);
    }
}
