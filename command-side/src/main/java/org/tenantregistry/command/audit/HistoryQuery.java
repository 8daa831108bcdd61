package org.tenantregistry.command.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a tenant's events to answer, and in which order.
 *
 * @param after  only events with a greater sequence number; null: from the first
 * @param before only events with a smaller sequence number; null: up to the last
 * @param types  the contract's names of the event types to answer; empty: every type
 * @param from   only events at or after this instant; null: no lower bound
 * @param to     only events at or before this instant; null: no upper bound
 */
public record HistoryQuery(HistoryOrder order, Long after, Long before, int limit, Set<String> types, Instant from,
                           Instant to) {

    public HistoryQuery {
        types = Set.copyOf(types);
    }

    boolean admits(AuditedEvent event) {
        return (after == null || event.sequence() > after) && (before == null || event.sequence() < before)
                && (types.isEmpty() || types.contains(event.type()))
                && (from == null || !event.occurredAt().isBefore(from))
                && (to == null || !event.occurredAt().isAfter(to));
    }
}
