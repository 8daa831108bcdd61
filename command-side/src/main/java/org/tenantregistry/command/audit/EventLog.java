package org.tenantregistry.command.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event store read by global position, across tenants. */
public interface EventLog {

    /**
     * The matching events after the query's position, oldest first, at most {@code limit} of them. A page never
     * reaches past a position that a transaction still running may yet fill: positions are handed out when an event
     * is inserted, not when it commits, so an event may become visible after one with a greater position, and a
     * reader that had moved past it would never see it.
     *
     * @param payloadTypes the stored payload types (class names) to match; empty: every type
     */
    Positions after(EventsQuery query, List<String> payloadTypes);

    /** The global positions of these events of one tenant, by sequence number. */
    Map<Long, Long> positionsOf(UUID tenantId, Collection<Long> sequences);

    /** Where one stored event is. */
    record Position(long position, UUID tenantId, long sequence) {
    }

    /**
     * @param events  the page
     * @param settled the position up to which everything was read: the cursor for the next page (the last event's
     *                position, or further when events past it did not match, or the query's own when nothing
     *                could be read yet)
     * @param more    whether matching events past the page may exist now
     */
    record Positions(List<Position> events, long settled, boolean more) {
    }
}
