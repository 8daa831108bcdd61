package org.tenantregistry.query.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dashboard's numbers, moved by deltas as tenants change cells, so that reading the dashboard never scans tenants.
 * A batch sums its deltas per cell and writes each cell once; the database sorts each statement's cells (totals before
 * days), the same order for every writer, so concurrent consumers cannot deadlock.
 */
@Repository
class MspCounters {

    private final JdbcClient jdbc;

    MspCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param after per tenant of {@code before} or of the batch: its facts now, empty when it is gone */
    void move(Map<UUID, MspFacts> before, Map<UUID, Optional<MspFacts>> after) {
        Map<TotalCell, long[]> totals = new HashMap<>();
        Map<DayCell, Long> days = new HashMap<>();
        after.forEach((tenantId, now) -> {
            Optional<MspFacts> then = Optional.ofNullable(before.get(tenantId));
            if (then.equals(now)) {
                return;
            }
            then.ifPresent(facts -> add(totals, days, facts, -1));
            now.ifPresent(facts -> add(totals, days, facts, 1));
        });
        totals.values().removeIf(delta -> delta[0] == 0 && delta[1] == 0 && delta[2] == 0);
        // A tenant that stays on its partner and day leaves the daily counts alone.
        days.values().removeIf(delta -> delta == 0);
        addTotals(totals);
        addDays(days);
    }

    private static void add(Map<TotalCell, long[]> totals, Map<DayCell, Long> days, MspFacts facts, int sign) {
        long[] total = totals.computeIfAbsent(new TotalCell(facts.partnerKey(), facts.status(), facts.countryKey()),
                cell -> new long[3]);
        total[0] += sign;
        total[1] += (long) sign * facts.maxExtensions();
        total[2] += (long) sign * facts.extensions();
        days.merge(new DayCell(facts.partnerKey(), facts.createdOn()), (long) sign, Long::sum);
    }

    private void addTotals(Map<TotalCell, long[]> totals) {
        if (totals.isEmpty()) {
            return;
        }
        List<TotalCell> cells = List.copyOf(totals.keySet());
        jdbc.sql("""
                        INSERT INTO msp_total (partner_key, status, country_key, tenants, max_extensions, extensions)
                        SELECT * FROM unnest(CAST(:partners AS text[]), CAST(:statuses AS text[]),
                            CAST(:countries AS text[]), CAST(:tenants AS bigint[]), CAST(:maxExtensions AS bigint[]),
                            CAST(:extensions AS bigint[]))
                        ORDER BY 1, 2, 3
                        ON CONFLICT (partner_key, status, country_key) DO UPDATE
                        SET tenants = msp_total.tenants + EXCLUDED.tenants,
                            max_extensions = msp_total.max_extensions + EXCLUDED.max_extensions,
                            extensions = msp_total.extensions + EXCLUDED.extensions""")
                .param("partners", new SqlArrayValue("text", cells.stream().map(TotalCell::partnerKey).toArray(String[]::new)))
                .param("statuses", new SqlArrayValue("text", cells.stream().map(TotalCell::status).toArray(String[]::new)))
                .param("countries", new SqlArrayValue("text", cells.stream().map(TotalCell::countryKey).toArray(String[]::new)))
                .param("tenants", new SqlArrayValue("int8", cells.stream().map(cell -> totals.get(cell)[0]).toArray(Long[]::new)))
                .param("maxExtensions", new SqlArrayValue("int8",
                        cells.stream().map(cell -> totals.get(cell)[1]).toArray(Long[]::new)))
                .param("extensions", new SqlArrayValue("int8",
                        cells.stream().map(cell -> totals.get(cell)[2]).toArray(Long[]::new)))
                .update();
        // As the tenant counters do: an emptied cell is no row, however the events were batched.
        jdbc.sql("""
                        DELETE FROM msp_total t
                        USING unnest(CAST(:partners AS text[]), CAST(:statuses AS text[]), CAST(:countries AS text[]))
                              AS moved(partner_key, status, country_key)
                        WHERE t.partner_key = moved.partner_key AND t.status = moved.status
                          AND t.country_key = moved.country_key
                          AND t.tenants = 0 AND t.max_extensions = 0 AND t.extensions = 0""")
                .param("partners", new SqlArrayValue("text", cells.stream().map(TotalCell::partnerKey).toArray(String[]::new)))
                .param("statuses", new SqlArrayValue("text", cells.stream().map(TotalCell::status).toArray(String[]::new)))
                .param("countries", new SqlArrayValue("text", cells.stream().map(TotalCell::countryKey).toArray(String[]::new)))
                .update();
    }

    private void addDays(Map<DayCell, Long> days) {
        if (days.isEmpty()) {
            return;
        }
        List<DayCell> cells = List.copyOf(days.keySet());
        jdbc.sql("""
                        INSERT INTO msp_created_per_day (partner_key, created_on, tenants)
                        SELECT * FROM unnest(CAST(:partners AS text[]), CAST(:days AS date[]), CAST(:tenants AS bigint[]))
                        ORDER BY 1, 2
                        ON CONFLICT (partner_key, created_on) DO UPDATE
                        SET tenants = msp_created_per_day.tenants + EXCLUDED.tenants""")
                .param("partners", new SqlArrayValue("text", cells.stream().map(DayCell::partnerKey).toArray(String[]::new)))
                .param("days", new SqlArrayValue("text", cells.stream().map(cell -> cell.createdOn().toString()).toArray(String[]::new)))
                .param("tenants", new SqlArrayValue("int8", cells.stream().map(days::get).toArray(Long[]::new)))
                .update();
    }

    private record TotalCell(String partnerKey, String status, String countryKey) {
    }

    private record DayCell(String partnerKey, LocalDate createdOn) {
    }
}
