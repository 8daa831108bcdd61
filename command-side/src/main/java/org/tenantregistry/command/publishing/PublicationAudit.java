package org.tenantregistry.command.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last sequence number of each tenant that Kafka acknowledged (table {@code published_sequence}). Per-tenant
 * sequences are contiguous, so a stored event above {@code last + 1} means one was skipped, and an event at or below
 * {@code last} is already on the topic. Read and written once per publisher batch, for all its tenants at once.
 */
@Component
class PublicationAudit {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    PublicationAudit(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the last published sequence of each of the tenants that has one */
    Map<String, Long> lastPublished(Collection<String> tenantIds) {
        Map<String, Long> last = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return last;
        }
        jdbc.sql("SELECT tenant_id, last_sequence FROM published_sequence WHERE tenant_id = ANY (?)")
                .param(tenantIds.toArray(String[]::new))
                .query(rs -> {
                    last.put(rs.getString("tenant_id"), rs.getLong("last_sequence"));
                });
        return last;
    }

    /**
     * In the caller's transaction, which for the processor is the one that stores its token, after the
     * acknowledgements: if it rolls back, the batch is sent again, which at-least-once allows. Never lowers a sequence.
     *
     * @param sequences the highest acknowledged sequence per tenant, in a stable order so that writers lock alike
     */
    void recordPublished(Map<String, Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO published_sequence (tenant_id, last_sequence)
                        SELECT * FROM unnest(?::varchar[], ?::bigint[])
                        ON CONFLICT (tenant_id) DO UPDATE
                        SET last_sequence = GREATEST(published_sequence.last_sequence, EXCLUDED.last_sequence)""")
                .params(sequences.keySet().toArray(String[]::new), sequences.values().toArray(Long[]::new))
                .update();
    }

    /** After a token reset everything is published again, so nothing counts as published any more. */
    void forgetAll() {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM published_sequence").update());
    }

    /**
     * Tenants with a stored event in the global index range {@code (after, upTo]} that is not published. Reads only
     * that range, through the primary key.
     */
    List<String> tenantsBehind(long after, long upTo) {
        return jdbc.sql("""
                        SELECT e.aggregate_identifier
                        FROM domain_event_entry e
                        LEFT JOIN published_sequence p ON p.tenant_id = e.aggregate_identifier
                        WHERE e.global_index > ? AND e.global_index <= ?
                        GROUP BY e.aggregate_identifier, p.last_sequence
                        HAVING MAX(e.sequence_number) > COALESCE(p.last_sequence, -1)""")
                .params(after, upTo).query(String.class).list();
    }

    /** Tenants with a stored event in one of the holes (filled since they were seen) that is not published. */
    List<String> tenantsBehindIn(List<IndexHole> holes) {
        if (holes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT e.aggregate_identifier
                        FROM unnest(?::bigint[], ?::bigint[]) AS h (first_index, last_index)
                        JOIN domain_event_entry e ON e.global_index BETWEEN h.first_index AND h.last_index
                        LEFT JOIN published_sequence p ON p.tenant_id = e.aggregate_identifier
                        GROUP BY e.aggregate_identifier, p.last_sequence
                        HAVING MAX(e.sequence_number) > COALESCE(p.last_sequence, -1)""")
                .params(holes.stream().map(IndexHole::first).toArray(Long[]::new),
                        holes.stream().map(IndexHole::last).toArray(Long[]::new))
                .query(String.class).list();
    }

    /**
     * The global indexes in {@code (after, upTo]} that no visible event has: rolled back, or still in a transaction.
     *
     * @param horizon the transaction horizon taken before this read (see {@link #transactionHorizon()})
     */
    List<IndexHole> holes(long after, long upTo, TransactionHorizon horizon) {
        return jdbc.sql("""
                        SELECT previous + 1 AS first_index, global_index - 1 AS last_index
                        FROM (SELECT global_index, lag(global_index, 1, ?) OVER (ORDER BY global_index) AS previous
                              FROM (SELECT global_index FROM domain_event_entry
                                    WHERE global_index > ? AND global_index <= ?
                                    UNION ALL SELECT ? + 1) AS present) AS steps
                        WHERE global_index > previous + 1""")
                .params(after, after, upTo, upTo)
                .query((rs, row) -> new IndexHole(rs.getLong("first_index"), rs.getLong("last_index"),
                        horizon.nextTransaction()))
                .list();
    }

    /** PostgreSQL's view of the transactions running now. */
    TransactionHorizon transactionHorizon() {
        return jdbc.sql("""
                        SELECT pg_snapshot_xmin(s)::text::bigint AS oldest_running,
                               pg_snapshot_xmax(s)::text::bigint AS next_transaction
                        FROM pg_current_snapshot() AS s""")
                .query((rs, row) -> new TransactionHorizon(rs.getLong("oldest_running"),
                        rs.getLong("next_transaction")))
                .single();
    }

    /**
     * @param oldestRunning   every transaction with a lower id has ended
     * @param nextTransaction every transaction running now has a lower id
     */
    record TransactionHorizon(long oldestRunning, long nextTransaction) {
    }

    /**
     * Global indexes {@code first..last} without a visible event when they were read. Whoever holds them was running
     * then, so it has a transaction id below {@code runningBelow} (a transaction gets its id with its first write, the
     * insert that takes the index, and a hole is looked at again only a repair interval later); once every such
     * transaction has ended, the hole is filled for good or stays empty for good.
     */
    record IndexHole(long first, long last, long runningBelow) {

        boolean settledBy(TransactionHorizon now) {
            return now.oldestRunning() >= runningBelow;
        }
    }
}
