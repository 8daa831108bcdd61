package org.tenantregistry.query.projection;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.tenantregistry.events.TenantEventCodec;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The dead-letter table: written by the projections and the replays, read by operators, metrics and health. */
@Repository
public class DeadLetters {

    /** Error messages are kept for people to read; a stack of causes can be long. */
    private static final int MAX_MESSAGE_LENGTH = 2000;

    private static final String COLUMNS = """
            id, projection, tenant_id, sequence, event_type, reason, error_class, error_message, attempts,
            first_failed_at, last_failed_at, envelope, skipped_at, skipped_by, skip_reason""";

    private final JdbcClient jdbc;
    private final TenantEventCodec codec;
    private final RowMapper<DeadLetter> rows;

    DeadLetters(JdbcClient jdbc, TenantEventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.rows = (rs, row) -> {
            Timestamp skippedAt = rs.getTimestamp("skipped_at");
            return new DeadLetter(rs.getLong("id"), rs.getString("projection"),
                    rs.getObject("tenant_id", UUID.class), rs.getLong("sequence"), rs.getString("event_type"),
                    rs.getString("reason"), rs.getString("error_class"), rs.getString("error_message"),
                    rs.getInt("attempts"), rs.getTimestamp("first_failed_at").toInstant(),
                    rs.getTimestamp("last_failed_at").toInstant(), codec.read(rs.getBytes("envelope")),
                    skippedAt == null ? null : new DeadLetter.Skip(skippedAt.toInstant(), rs.getString("skipped_by"),
                            rs.getString("skip_reason")));
        };
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_dead_letter WHERE id = :id")
                .param("id", id)
                .query(rows)
                .optional();
    }

    public DeadLetterPage find(FindDeadLetters query) {
        String where = """
                WHERE (skipped_at IS NOT NULL) = :skipped
                  AND (CAST(:projection AS text) IS NULL OR projection = :projection)
                  AND (CAST(:tenantId AS uuid) IS NULL OR tenant_id = :tenantId)""";
        long total = jdbc.sql("SELECT count(*) FROM projection_dead_letter " + where)
                .param("skipped", query.skipped())
                .param("projection", query.projection())
                .param("tenantId", query.tenantId())
                .query(Long.class)
                .single();
        return new DeadLetterPage(jdbc.sql("SELECT " + COLUMNS + " FROM projection_dead_letter " + where
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("skipped", query.skipped())
                .param("projection", query.projection())
                .param("tenantId", query.tenantId())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query(rows)
                .list(), total);
    }

    /** Dead letters that hold a tenant of this projection back. */
    public long countOpen(String projection) {
        return jdbc.sql("SELECT count(*) FROM projection_dead_letter WHERE projection = :projection AND skipped_at IS NULL")
                .param("projection", projection)
                .query(Long.class)
                .single();
    }

    /** Dead letters an operator skipped: kept with who decided and why. */
    public long countSkipped(String projection) {
        return jdbc.sql("SELECT count(*) FROM projection_dead_letter WHERE projection = :projection AND skipped_at IS NOT NULL")
                .param("projection", projection)
                .query(Long.class)
                .single();
    }

    Optional<DeadLetter> openFor(String projection, UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM projection_dead_letter
                        WHERE projection = :projection AND tenant_id = :tenantId AND skipped_at IS NULL""")
                .param("projection", projection)
                .param("tenantId", tenantId)
                .query(rows)
                .optional();
    }

    /** Which of these tenants an open dead letter holds back. */
    Set<UUID> holdingBack(String projection, Collection<UUID> tenantIds) {
        return new HashSet<>(jdbc.sql("""
                        SELECT tenant_id FROM projection_dead_letter
                        WHERE projection = :projection AND tenant_id = ANY(:ids) AND skipped_at IS NULL""")
                .param("projection", projection)
                .param("ids", new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new)))
                .query(UUID.class)
                .list());
    }

    void add(EventNotApplicableException failure, int attempts) {
        jdbc.sql("""
                        INSERT INTO projection_dead_letter (projection, tenant_id, sequence, event_type, envelope, reason,
                            error_class, error_message, attempts, first_failed_at, last_failed_at)
                        VALUES (:projection, :tenantId, :sequence, :eventType, :envelope, :reason, :errorClass,
                            :errorMessage, :attempts, now(), now())""")
                .param("projection", failure.projection())
                .param("tenantId", failure.envelope().tenantId())
                .param("sequence", failure.envelope().sequence())
                .param("eventType", storable(failure.envelope().type()))
                .param("envelope", codec.write(failure.envelope()))
                .param("reason", failure.reason().wireName())
                .param("errorClass", failure.errorClass())
                .param("errorMessage", storable(failure.errorMessage()))
                .param("attempts", attempts)
                .update();
    }

    void failedAgain(long id, EventNotApplicableException failure) {
        jdbc.sql("""
                        UPDATE projection_dead_letter
                        SET attempts = attempts + 1, last_failed_at = now(), reason = :reason,
                            error_class = :errorClass, error_message = :errorMessage
                        WHERE id = :id""")
                .param("id", id)
                .param("reason", failure.reason().wireName())
                .param("errorClass", failure.errorClass())
                .param("errorMessage", storable(failure.errorMessage()))
                .update();
    }

    void skip(long id, String by, String reason) {
        jdbc.sql("UPDATE projection_dead_letter SET skipped_at = now(), skipped_by = :by, skip_reason = :reason WHERE id = :id")
                .param("id", id)
                .param("by", storable(by))
                .param("reason", storable(reason))
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM projection_dead_letter WHERE id = :id").param("id", id).update();
    }

    /**
     * PostgreSQL text holds neither U+0000 nor a lone surrogate, and a message about bad data may quote it: a dead
     * letter that cannot be written would block the partition again.
     */
    private static String storable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_LENGTH));
        for (int i = 0; i < text.length() && kept.length() < MAX_MESSAGE_LENGTH; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                kept.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                kept.append('\uFFFD');
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
