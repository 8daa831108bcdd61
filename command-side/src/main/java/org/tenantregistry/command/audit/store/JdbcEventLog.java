package org.tenantregistry.command.audit.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.audit.EventLog;
import org.tenantregistry.command.audit.EventsQuery;
import org.tenantregistry.command.config.AxonProperties;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Axon's JDBC event table ({@code domain_event_entry}, see {@code V1__event_store.sql}) read by its global index.
 * The metadata is JSON (Axon's Jackson serializer), so the actor is matched in it; the times are Axon's ISO-8601
 * text, compared as {@code timestamptz}.
 * <p>
 * Positions come from a sequence when an event is inserted, so a transaction still running may hold a position
 * below events already visible. Such a page ends before the first gap that may still be filled, as Axon's own
 * tracking readers treat gaps: a gap counts as filled for good (its transaction rolled back) when no transaction is
 * writing to the table, or when the event after it is older than the gap timeout, past which Axon's processors give
 * up on it too.
 */
@Component
class JdbcEventLog implements EventLog {

    private final JdbcClient jdbc;
    private final AxonProperties properties;

    JdbcEventLog(JdbcClient jdbc, AxonProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public Positions after(EventsQuery query, List<String> payloadTypes) {
        // Before the page is read: every position handed out up to now, and whether a transaction that may hold one
        // of them is still running (an insert takes its lock on the table before it takes a position).
        Horizon horizon = horizon();
        List<Position> rows = page(query, payloadTypes, horizon.allocated());
        boolean full = rows.size() > query.limit();
        List<Position> page = full ? rows.subList(0, query.limit()) : rows;
        long end = full ? page.get(page.size() - 1).position() : horizon.allocated();
        if (horizon.writing()) {
            Long gap = firstOpenGap(query.after(), end);
            if (gap != null) {
                List<Position> before = page.stream().filter(row -> row.position() < gap).toList();
                return new Positions(before, Math.max(query.after(), gap - 1), true);
            }
        }
        return new Positions(page, Math.max(query.after(), end), full);
    }

    @Override
    public Map<Long, Long> positionsOf(UUID tenantId, Collection<Long> sequences) {
        Map<Long, Long> positions = new HashMap<>();
        if (sequences.isEmpty()) {
            return positions;
        }
        jdbc.sql("""
                        SELECT sequence_number, global_index FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number = ANY (?)""")
                .params(tenantId.toString(), sequences.toArray(Long[]::new))
                .query(rs -> {
                    positions.put(rs.getLong("sequence_number"), rs.getLong("global_index"));
                });
        return positions;
    }

    private Horizon horizon() {
        return jdbc.sql("""
                        SELECT COALESCE(pg_sequence_last_value(
                                   pg_get_serial_sequence('domain_event_entry', 'global_index')::regclass), 0)
                                   AS allocated,
                               EXISTS (SELECT 1 FROM pg_locks
                                       WHERE relation = 'domain_event_entry'::regclass AND mode = 'RowExclusiveLock'
                                         AND pid <> pg_backend_pid()) AS writing""")
                .query((rs, row) -> new Horizon(rs.getLong("allocated"), rs.getBoolean("writing")))
                .single();
    }

    private List<Position> page(EventsQuery query, List<String> payloadTypes, long allocated) {
        StringBuilder sql = new StringBuilder("""
                SELECT global_index, aggregate_identifier, sequence_number FROM domain_event_entry
                WHERE global_index > :after AND global_index <= :allocated""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", query.after());
        parameters.put("allocated", allocated);
        if (query.tenantId() != null) {
            sql.append(" AND aggregate_identifier = :tenant");
            parameters.put("tenant", query.tenantId().toString());
        }
        if (!payloadTypes.isEmpty()) {
            sql.append(" AND payload_type = ANY (:types)");
            parameters.put("types", payloadTypes.toArray(String[]::new));
        }
        if (query.actor() != null) {
            sql.append(" AND convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.from() != null) {
            sql.append(" AND time_stamp::timestamptz >= :from");
            parameters.put("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND time_stamp::timestamptz <= :to");
            parameters.put("to", query.to().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY global_index LIMIT :limit");
        parameters.put("limit", query.limit() + 1);
        List<Position> rows = new ArrayList<>();
        jdbc.sql(sql.toString()).params(parameters).query(rs -> {
            rows.add(new Position(rs.getLong("global_index"), UUID.fromString(rs.getString("aggregate_identifier")),
                    rs.getLong("sequence_number")));
        });
        return rows;
    }

    /** The first position in {@code (after, end]} without a visible event that a running transaction may yet fill. */
    private Long firstOpenGap(long after, long end) {
        List<Long> gaps = jdbc.sql("""
                        SELECT previous + 1 AS first_missing
                        FROM (SELECT global_index, time_stamp,
                                     lag(global_index, 1, :after) OVER (ORDER BY global_index) AS previous
                              FROM (SELECT global_index, time_stamp FROM domain_event_entry
                                    WHERE global_index > :after AND global_index <= :end
                                    UNION ALL SELECT :end + 1, NULL) AS present) AS steps
                        WHERE global_index > previous + 1
                          AND (time_stamp IS NULL
                               OR time_stamp::timestamptz > now() - make_interval(secs => :gapSeconds))
                        ORDER BY previous LIMIT 1""")
                .param("after", after).param("end", end)
                .param("gapSeconds", (double) properties.gapTimeout().toSeconds())
                .query(Long.class).list();
        return gaps.isEmpty() ? null : gaps.get(0);
    }

    /**
     * @param allocated the greatest position handed out so far
     * @param writing   whether another transaction holds a write lock on the event table
     */
    private record Horizon(long allocated, boolean writing) {
    }
}
