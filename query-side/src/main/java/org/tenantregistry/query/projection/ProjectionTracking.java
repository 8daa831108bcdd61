package org.tenantregistry.query.projection;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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

    /**
     * The first key of the projections' swap locks (PostgreSQL advisory locks with two keys, the second the hash of
     * the projection's name): a key space of their own, apart from any one-key advisory lock.
     */
    static final int SWAP_LOCK_SPACE = 0x7072_6a74;

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
        shareSwapLock(projection);
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

    /**
     * {@link #lockLastApplied} for many tenants in two statements. The rows are locked in the database's order of the
     * tenant ids, whatever the order of the batch, so that two consumers locking overlapping tenants cannot deadlock.
     */
    Map<UUID, Long> lockLastApplied(String projection, Collection<UUID> tenantIds) {
        shareSwapLock(projection);
        SqlArrayValue ids = new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new));
        jdbc.sql("""
                        INSERT INTO projection_tracking (projection, tenant_id, last_sequence, updated_at)
                        SELECT :projection, id, :nothing, now() FROM unnest(:ids) AS id ORDER BY id
                        ON CONFLICT (projection, tenant_id) DO NOTHING""")
                .param("projection", projection)
                .param("ids", ids)
                .param("nothing", NOTHING_APPLIED)
                .update();
        Map<UUID, Long> last = new HashMap<>();
        jdbc.sql("""
                        SELECT tenant_id, last_sequence FROM projection_tracking
                        WHERE projection = :projection AND tenant_id = ANY(:ids)
                        ORDER BY tenant_id
                        FOR UPDATE""")
                .param("projection", projection)
                .param("ids", ids)
                .query((rs, row) -> last.put(rs.getObject("tenant_id", UUID.class), rs.getLong("last_sequence")))
                .list();
        return last;
    }

    /**
     * Every write of a projection locks its tenants here first, so every write holds the projection's swap lock,
     * shared, until its transaction ends; writes do not wait for each other. A rebuild's swap takes it exclusively
     * ({@link #lockForSwap}): it waits for the writes under way, and new ones wait until the swapped model is
     * committed.
     */
    private void shareSwapLock(String projection) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:space, hashtext(:projection))")
                .param("space", SWAP_LOCK_SPACE)
                .param("projection", projection)
                .query(rs -> {
                });
    }

    /** The projection's swap lock, exclusively, until the transaction ends: no write of the projection runs meanwhile. */
    void lockForSwap(String projection) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:projection))")
                .param("space", SWAP_LOCK_SPACE)
                .param("projection", projection)
                .query(rs -> {
                });
    }

    /** How many tenants the projection tracks, and how many of them are purged. */
    Tracked tracked(String projection) {
        return jdbc.sql("""
                        SELECT count(*) AS tenants, count(*) FILTER (WHERE purged) AS purged
                        FROM projection_tracking WHERE projection = :projection""")
                .param("projection", projection)
                .query((rs, row) -> new Tracked(rs.getLong("tenants"), rs.getLong("purged")))
                .single();
    }

    record Tracked(long tenants, long purged) {
    }

    /**
     * {@link #advance} for many tenants in one statement, each from the sequence it was locked at to where the batch
     * took it; rows already locked by {@link #lockLastApplied(String, Collection)}.
     */
    void advanceAll(String projection, List<Advance> advances) {
        if (advances.isEmpty()) {
            return;
        }
        int changed = jdbc.sql("""
                        UPDATE projection_tracking t
                        SET last_sequence = v.last_sequence, purged = t.purged OR v.purged, updated_at = now()
                        FROM unnest(:ids, :previous, :sequences, :purged) AS v(tenant_id, previous, last_sequence, purged)
                        WHERE t.projection = :projection AND t.tenant_id = v.tenant_id
                          AND t.last_sequence = v.previous""")
                .param("projection", projection)
                .param("ids", new SqlArrayValue("uuid", advances.stream().map(Advance::tenantId).toArray(UUID[]::new)))
                .param("previous", new SqlArrayValue("int8", advances.stream().map(Advance::previous).toArray(Long[]::new)))
                .param("sequences", new SqlArrayValue("int8", advances.stream().map(Advance::lastSequence).toArray(Long[]::new)))
                .param("purged", new SqlArrayValue("bool", advances.stream().map(Advance::purged).toArray(Boolean[]::new)))
                .update();
        if (changed != advances.size()) {
            throw new OptimisticLockingFailureException("projection " + projection + ": " + (advances.size() - changed)
                    + " of " + advances.size() + " tenants moved on concurrently");
        }
    }

    /** A tenant's move in one batch: from the last applied sequence it was locked at to the batch's last one. */
    record Advance(UUID tenantId, long previous, long lastSequence, boolean purged) {
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
