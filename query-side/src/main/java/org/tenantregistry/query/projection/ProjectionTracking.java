package org.tenantregistry.query.projection;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The last sequence each projection applied per tenant. Written in the same transaction as the read model, so a read
 * model and its tracking row can never disagree; kept after a purge so a redelivered old event cannot resurrect the
 * tenant.
 */
@Repository
class ProjectionTracking {

    static final long NOTHING_APPLIED = -1;

    private final JdbcClient jdbc;

    ProjectionTracking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last applied sequence, locking the tenant's row until the transaction ends. A tenant seen for the first time
     * gets a row saying "nothing applied", so that there is always a row to lock: the listener and an operator's
     * replay must not both work on one tenant.
     */
    long lockLastApplied(String projection, UUID tenantId) {
        jdbc.sql("""
                        INSERT INTO projection_tracking (projection, tenant_id, last_sequence, updated_at)
                        VALUES (:projection, :tenantId, :nothing, now())
                        ON CONFLICT (projection, tenant_id) DO NOTHING""")
                .param("projection", projection)
                .param("tenantId", tenantId)
                .param("nothing", NOTHING_APPLIED)
                .update();
        return jdbc.sql("""
                        SELECT last_sequence FROM projection_tracking
                        WHERE projection = :projection AND tenant_id = :tenantId
                        FOR UPDATE""")
                .param("projection", projection)
                .param("tenantId", tenantId)
                .query(Long.class)
                .single();
    }

    /** Moves the tenant on by exactly one; anything else means a concurrent writer, and the transaction must retry. */
    void advance(String projection, UUID tenantId, long sequence, boolean purged) {
        int changed = jdbc.sql("""
                        INSERT INTO projection_tracking (projection, tenant_id, last_sequence, purged, updated_at)
                        VALUES (:projection, :tenantId, :sequence, :purged, now())
                        ON CONFLICT (projection, tenant_id) DO UPDATE
                        SET last_sequence = EXCLUDED.last_sequence, purged = projection_tracking.purged OR EXCLUDED.purged,
                            updated_at = now()
                        WHERE projection_tracking.last_sequence = EXCLUDED.last_sequence - 1""")
                .param("projection", projection)
                .param("tenantId", tenantId)
                .param("sequence", sequence)
                .param("purged", purged)
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException(
                    "projection " + projection + ": tenant " + tenantId + " moved on concurrently");
        }
    }

    /** The tokens this projection has not reached yet; a purged tenant has reached every version. */
    List<VersionToken> notYetApplied(String projection, Collection<VersionToken> tokens) {
        Map<UUID, Progress> progress = new HashMap<>();
        jdbc.sql("""
                        SELECT tenant_id, last_sequence, purged FROM projection_tracking
                        WHERE projection = :projection AND tenant_id IN (:tenantIds)""")
                .param("projection", projection)
                .param("tenantIds", tokens.stream().map(VersionToken::tenantId).distinct().toList())
                .query((rs, row) -> progress.put(rs.getObject("tenant_id", UUID.class),
                        new Progress(rs.getLong("last_sequence"), rs.getBoolean("purged"))))
                .list();
        return tokens.stream()
                .filter(token -> !progress.getOrDefault(token.tenantId(), Progress.NONE).reached(token.version()))
                .toList();
    }

    private record Progress(long lastSequence, boolean purged) {

        static final Progress NONE = new Progress(NOTHING_APPLIED, false);

        boolean reached(long version) {
            return purged || lastSequence + 1 >= version;
        }
    }
}
