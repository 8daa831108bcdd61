package org.tenantregistry.command.audit.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.audit.ChainLink;
import org.tenantregistry.command.audit.Checkpoint;
import org.tenantregistry.command.audit.EventChainStore;
import org.tenantregistry.command.audit.Redaction;
import org.tenantregistry.command.audit.StoredEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain in tables {@code event_chain}, {@code event_redaction} and {@code chain_checkpoint}, and the stored events
 * read straight from Axon's {@code domain_event_entry}: the bytes an auditor's export holds, not what Axon makes of
 * them (no upcaster, no snapshot in between).
 */
@Component
class JdbcEventChainStore implements EventChainStore {

    private static final String LINK = "tenant_id, sequence, data_digest, hash";

    private final JdbcClient jdbc;

    JdbcEventChainStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredEvent> events(String tenantId, long fromSequence, long toSequence) {
        return jdbc.sql("""
                        SELECT aggregate_identifier, sequence_number, payload_type, time_stamp, payload, meta_data
                        FROM domain_event_entry
                        WHERE aggregate_identifier = :tenantId AND sequence_number BETWEEN :from AND :to
                        ORDER BY sequence_number""")
                .param("tenantId", tenantId)
                .param("from", fromSequence)
                .param("to", toSequence)
                .query((rs, row) -> new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getBytes(6)))
                .list();
    }

    @Override
    public Optional<ChainLink> head(String tenantId) {
        return jdbc.sql("SELECT " + LINK + " FROM event_chain WHERE tenant_id = :tenantId "
                        + "ORDER BY sequence DESC LIMIT 1")
                .param("tenantId", tenantId)
                .query(JdbcEventChainStore::link)
                .optional();
    }

    @Override
    public List<ChainLink> links(String tenantId) {
        return jdbc.sql("SELECT " + LINK + " FROM event_chain WHERE tenant_id = :tenantId ORDER BY sequence")
                .param("tenantId", tenantId)
                .query(JdbcEventChainStore::link)
                .list();
    }

    @Override
    public void add(List<ChainLink> links) {
        for (ChainLink link : links) {
            jdbc.sql("INSERT INTO event_chain (" + LINK + ") VALUES (:tenantId, :sequence, :dataDigest, :hash) "
                            + "ON CONFLICT (tenant_id, sequence) DO NOTHING")
                    .param("tenantId", link.tenantId())
                    .param("sequence", link.sequence())
                    .param("dataDigest", link.dataDigest())
                    .param("hash", link.hash())
                    .update();
        }
    }

    @Override
    public void addRedaction(Redaction redaction) {
        jdbc.sql("""
                        INSERT INTO event_redaction (tenant_id, sequence, original_digest, redacted_digest, redacted_at,
                            reason)
                        VALUES (:tenantId, :sequence, :original, :redacted, :at, :reason)
                        ON CONFLICT (tenant_id, sequence) DO UPDATE SET redacted_digest = excluded.redacted_digest,
                            redacted_at = excluded.redacted_at, reason = excluded.reason""")
                .param("tenantId", redaction.tenantId())
                .param("sequence", redaction.sequence())
                .param("original", redaction.originalDigest())
                .param("redacted", redaction.redactedDigest())
                .param("at", Timestamp.from(redaction.redactedAt()))
                .param("reason", redaction.reason())
                .update();
    }

    @Override
    public List<Redaction> redactions(String tenantId) {
        return jdbc.sql("""
                        SELECT tenant_id, sequence, original_digest, redacted_digest, redacted_at, reason
                        FROM event_redaction WHERE tenant_id = :tenantId ORDER BY sequence""")
                .param("tenantId", tenantId)
                .query((rs, row) -> new Redaction(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    @Override
    public Map<String, Long> tenantsBehind() {
        Map<String, Long> behind = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT e.aggregate_identifier, max(e.sequence_number)
                        FROM domain_event_entry e
                        GROUP BY e.aggregate_identifier
                        HAVING max(e.sequence_number) > coalesce(
                            (SELECT max(c.sequence) FROM event_chain c WHERE c.tenant_id = e.aggregate_identifier), -1)""")
                .query(rs -> {
                    behind.put(rs.getString(1), rs.getLong(2));
                });
        return behind;
    }

    @Override
    public List<ChainLink> heads() {
        // sorted here, by String order: byte order for the ASCII ids, what the README tells auditors to sort by,
        // whatever the database's collation
        return jdbc.sql("SELECT DISTINCT ON (tenant_id) " + LINK + " FROM event_chain ORDER BY tenant_id, sequence DESC")
                .query(JdbcEventChainStore::link)
                .stream()
                .sorted(Comparator.comparing(ChainLink::tenantId))
                .toList();
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("SELECT id, created_at, tenants, root, heads FROM chain_checkpoint ORDER BY id DESC LIMIT 1")
                .query(JdbcEventChainStore::checkpoint)
                .optional();
    }

    @Override
    public Checkpoint addCheckpoint(Instant createdAt, int tenants, String root, String heads) {
        long id = jdbc.sql("""
                        INSERT INTO chain_checkpoint (created_at, tenants, root, heads)
                        VALUES (:createdAt, :tenants, :root, :heads) RETURNING id""")
                .param("createdAt", Timestamp.from(createdAt))
                .param("tenants", tenants)
                .param("root", root)
                .param("heads", heads)
                .query(Long.class)
                .single();
        return new Checkpoint(id, createdAt, tenants, root, heads);
    }

    @Override
    public List<Checkpoint> checkpoints(int limit) {
        return jdbc.sql("SELECT id, created_at, tenants, root, NULL FROM chain_checkpoint ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query(JdbcEventChainStore::checkpoint)
                .list();
    }

    @Override
    public Optional<Checkpoint> checkpoint(long id) {
        return jdbc.sql("SELECT id, created_at, tenants, root, heads FROM chain_checkpoint WHERE id = :id")
                .param("id", id)
                .query(JdbcEventChainStore::checkpoint)
                .optional();
    }

    private static ChainLink link(ResultSet rs, int row) throws SQLException {
        return new ChainLink(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4));
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getString(4),
                rs.getString(5));
    }
}
