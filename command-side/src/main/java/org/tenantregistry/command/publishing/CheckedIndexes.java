package org.tenantregistry.command.publishing;

import org.tenantregistry.command.publishing.PublicationAudit.IndexHole;
import org.tenantregistry.command.publishing.PublicationAudit.TransactionHorizon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How far {@link PublicationRepair} has compared the event store with the published sequences: every global index up
 * to {@code upTo}, except the holes that had no visible event then. A hole is an index whose transaction rolled back
 * or had not committed yet; an event committed into it later is exactly what the processor skips, so a hole is read
 * again once PostgreSQL says that every transaction running when it was seen has ended, and then forgotten. The next
 * pass thus reads only the new indexes and the settled holes, never the whole store again.
 *
 * @param upTo    every global index up to here was compared, except {@code pending}
 * @param pending holes that may still be filled by a running transaction
 */
record CheckedIndexes(long upTo, List<IndexHole> pending) {

    /** Nothing compared yet: the JDBC engine's global index starts at 1. */
    static final CheckedIndexes NOTHING = new CheckedIndexes(0, List.of());

    /** Reads what is new up to the passed global index; the result's {@code checked} is where the next pass starts. */
    Pass next(PublicationAudit audit, long passed) {
        // Taken before the holes are read, so that whoever holds one of them is running below its next transaction.
        TransactionHorizon now = audit.transactionHorizon();
        List<IndexHole> settled = pending.stream().filter(hole -> hole.settledBy(now)).toList();
        List<IndexHole> stillPending = new ArrayList<>(pending.stream().filter(hole -> !hole.settledBy(now)).toList());
        Set<String> behind = new LinkedHashSet<>(audit.tenantsBehindIn(settled));
        long upToNow = upTo;
        if (passed > upTo) {
            behind.addAll(audit.tenantsBehind(upTo, passed));
            stillPending.addAll(audit.holes(upTo, passed, now));
            upToNow = passed;
        }
        return new Pass(List.copyOf(behind), new CheckedIndexes(upToNow, List.copyOf(stillPending)));
    }

    /**
     * @param tenantsBehind tenants with a stored event in what this pass read that is not published
     * @param checked       what is compared once those tenants are caught up
     */
    record Pass(List<String> tenantsBehind, CheckedIndexes checked) {
    }
}
