package org.tenantregistry.query.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's numbers, moved by deltas as tenants change cells, so that reading the dashboard never scans tenants.
 * Updates go in one fixed order (totals before days, each sorted by key) so concurrent consumers cannot deadlock.
 */
@Repository
class MspCounters {

    private final JdbcClient jdbc;

    MspCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void move(Optional<MspFacts> before, Optional<MspFacts> after) {
        if (before.equals(after)) {
            return;
        }
        List<TotalDelta> totals = new ArrayList<>(2);
        List<DayDelta> days = new ArrayList<>(2);
        before.ifPresent(facts -> {
            totals.add(new TotalDelta(facts.partnerKey(), facts.status(), facts.countryKey(), -1, -facts.maxExtensions()));
            days.add(new DayDelta(facts.partnerKey(), facts.createdOn(), -1));
        });
        after.ifPresent(facts -> {
            totals.add(new TotalDelta(facts.partnerKey(), facts.status(), facts.countryKey(), 1, facts.maxExtensions()));
            days.add(new DayDelta(facts.partnerKey(), facts.createdOn(), 1));
        });
        totals.stream().sorted(TotalDelta.LOCK_ORDER).forEach(this::add);
        // A tenant that stays on its partner and day leaves the daily counts alone.
        if (days.size() == 1 || !days.get(0).sameCellAs(days.get(1))) {
            days.stream().sorted(DayDelta.LOCK_ORDER).forEach(this::add);
        }
    }

    private void add(TotalDelta delta) {
        jdbc.sql("""
                        INSERT INTO msp_total (partner_key, status, country_key, tenants, max_extensions)
                        VALUES (:partnerKey, :status, :countryKey, :tenants, :maxExtensions)
                        ON CONFLICT (partner_key, status, country_key) DO UPDATE
                        SET tenants = msp_total.tenants + EXCLUDED.tenants,
                            max_extensions = msp_total.max_extensions + EXCLUDED.max_extensions""")
                .param("partnerKey", delta.partnerKey())
                .param("status", delta.status())
                .param("countryKey", delta.countryKey())
                .param("tenants", delta.tenants())
                .param("maxExtensions", delta.maxExtensions())
                .update();
    }

    private void add(DayDelta delta) {
        jdbc.sql("""
                        INSERT INTO msp_created_per_day (partner_key, created_on, tenants)
                        VALUES (:partnerKey, :createdOn, :tenants)
                        ON CONFLICT (partner_key, created_on) DO UPDATE
                        SET tenants = msp_created_per_day.tenants + EXCLUDED.tenants""")
                .param("partnerKey", delta.partnerKey())
                .param("createdOn", Date.valueOf(delta.createdOn()))
                .param("tenants", delta.tenants())
                .update();
    }

    private record TotalDelta(String partnerKey, String status, String countryKey, long tenants, long maxExtensions) {

        static final Comparator<TotalDelta> LOCK_ORDER = Comparator.comparing(TotalDelta::partnerKey)
                .thenComparing(TotalDelta::status)
                .thenComparing(TotalDelta::countryKey);
    }

    private record DayDelta(String partnerKey, LocalDate createdOn, long tenants) {

        static final Comparator<DayDelta> LOCK_ORDER = Comparator.comparing(DayDelta::partnerKey)
                .thenComparing(DayDelta::createdOn);

        boolean sameCellAs(DayDelta other) {
            return partnerKey.equals(other.partnerKey) && createdOn.equals(other.createdOn);
        }
    }
}
