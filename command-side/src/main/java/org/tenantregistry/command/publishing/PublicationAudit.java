package org.tenantregistry.command.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The last sequence number of each tenant that Kafka acknowledged (table {@code published_sequence}). Per-tenant
 * sequences are contiguous, so a stored event above {@code last + 1} means one was skipped, and an event at or below
 * {@code last} is already on the topic.
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

    /** @return the last published sequence of the tenant, -1 when none */
    long lastPublished(String tenantId) {
        return jdbc.sql("SELECT last_sequence FROM published_sequence WHERE tenant_id = ?")
                .param(tenantId).query(Long.class).optional().orElse(-1L);
    }

    /**
     * Committed on its own, right after the acknowledgement: the processor's batch transaction may still roll back
     * and be retried, and then the events Kafka already has are recognised and not sent again.
     */
    void recordPublished(String tenantId, long sequence) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO published_sequence (tenant_id, last_sequence) VALUES (?, ?)
                        ON CONFLICT (tenant_id) DO UPDATE
                        SET last_sequence = GREATEST(published_sequence.last_sequence, EXCLUDED.last_sequence)""")
                .params(tenantId, sequence).update());
    }

    /** After a token reset everything is published again, so nothing counts as published any more. */
    void forgetAll() {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM published_sequence").update());
    }

    /**
     * Tenants with a stored event at or below the global index that is not published: the processor has passed that
     * index, so it skipped the event (a transaction that committed after the gap timeout) and will never see it.
     */
    List<String> tenantsBehind(long passedGlobalIndex) {
        return jdbc.sql("""
                        SELECT e.aggregate_identifier
                        FROM domain_event_entry e
                        LEFT JOIN published_sequence p ON p.tenant_id = e.aggregate_identifier
                        WHERE e.global_index <= ?
                        GROUP BY e.aggregate_identifier, p.last_sequence
                        HAVING MAX(e.sequence_number) > COALESCE(p.last_sequence, -1)""")
                .param(passedGlobalIndex).query(String.class).list();
    }
}
