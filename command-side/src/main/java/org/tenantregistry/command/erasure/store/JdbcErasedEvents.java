package org.tenantregistry.command.erasure.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.erasure.ErasedEvents;

import java.nio.charset.StandardCharsets;

/** Erases in Axon's {@code domain_event_entry} and {@code snapshot_event_entry}, and in {@code idempotency_key}. */
@Component
class JdbcErasedEvents implements ErasedEvents {

    private final JdbcClient jdbc;

    JdbcErasedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void rewrite(String tenantId, long sequence, byte[] payload) {
        int rows = jdbc.sql("""
                        UPDATE domain_event_entry SET payload = :payload
                        WHERE aggregate_identifier = :tenantId AND sequence_number = :sequence""")
                .param("payload", payload)
                .param("tenantId", tenantId)
                .param("sequence", sequence)
                .update();
        if (rows != 1) {
            throw new IllegalStateException("no stored event " + sequence + " of tenant " + tenantId + " to erase");
        }
    }

    @Override
    public void deleteSnapshots(String tenantId) {
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = :tenantId")
                .param("tenantId", tenantId)
                .update();
    }

    @Override
    public void forgetAnswers(String tenantId) {
        // The table has no tenant column: the answers are bytes. It holds only the keys' retention period of rows.
        jdbc.sql("DELETE FROM idempotency_key WHERE position(:tenantId IN response_body) > 0")
                .param("tenantId", tenantId.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
