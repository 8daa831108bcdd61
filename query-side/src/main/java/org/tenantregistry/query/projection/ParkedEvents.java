package org.tenantregistry.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Events that wait for an earlier one of their tenant: one that has not arrived (a gap) or one that became a dead
 * letter. They wait here rather than on the partition, since the missing event (re-sent by the publisher, or replayed
 * by an operator) comes after them and a blocked partition would never deliver it, nor any other tenant's event.
 */
@Repository
class ParkedEvents {

    private final JdbcClient jdbc;
    private final TenantEventCodec codec;

    ParkedEvents(JdbcClient jdbc, TenantEventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    void park(String projection, TenantEventEnvelope envelope) {
        jdbc.sql("""
                        INSERT INTO projection_parked_event (projection, tenant_id, sequence, envelope, parked_at)
                        VALUES (:projection, :tenantId, :sequence, :envelope, now())
                        ON CONFLICT (projection, tenant_id, sequence) DO NOTHING""")
                .param("projection", projection)
                .param("tenantId", envelope.tenantId())
                .param("sequence", envelope.sequence())
                .param("envelope", codec.write(envelope))
                .update();
    }

    /** Removes and returns the parked event with this sequence, if one waits. */
    Optional<TenantEventEnvelope> take(String projection, UUID tenantId, long sequence) {
        return jdbc.sql("""
                        DELETE FROM projection_parked_event
                        WHERE projection = :projection AND tenant_id = :tenantId AND sequence = :sequence
                        RETURNING envelope""")
                .param("projection", projection)
                .param("tenantId", tenantId)
                .param("sequence", sequence)
                .query(byte[].class)
                .optional()
                .map(codec::read);
    }

    long count(String projection, UUID tenantId) {
        return jdbc.sql("SELECT count(*) FROM projection_parked_event WHERE projection = :projection AND tenant_id = :tenantId")
                .param("projection", projection)
                .param("tenantId", tenantId)
                .query(Long.class)
                .single();
    }

    /** Which of these tenants have events waiting. */
    Set<UUID> waitingAmong(String projection, Collection<UUID> tenantIds) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT tenant_id FROM projection_parked_event
                        WHERE projection = :projection AND tenant_id = ANY(:ids)""")
                .param("projection", projection)
                .param("ids", new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new)))
                .query(UUID.class)
                .list());
    }

    long count(String projection) {
        return jdbc.sql("SELECT count(*) FROM projection_parked_event WHERE projection = :projection")
                .param("projection", projection)
                .query(Long.class)
                .single();
    }
}
