package org.tenantregistry.query.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tenantregistry.events.TenantStatus;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the dashboard from the counter tables only: their size grows with partners x countries, not with tenants. */
@Service
public class MspDashboardQueries {

    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    MspDashboardQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MspDashboard dashboard(MspDashboardQuery query) {
        List<Total> totals = totals(query.partnerId());
        List<Total> existing = totals.stream().filter(total -> !total.status().equals("deleted")).toList();

        Map<TenantStatus, Long> byStatus = new EnumMap<>(TenantStatus.class);
        Stream.of(TenantStatus.values()).forEach(status -> byStatus.put(status, 0L));
        totals.forEach(total -> byStatus.merge(TenantStatus.fromWireName(total.status()), total.tenants(), Long::sum));

        return new MspDashboard(
                query.partnerId(),
                existing.stream().mapToLong(Total::tenants).sum(),
                byStatus,
                grouped(existing, Total::partnerKey).entrySet().stream()
                        .map(entry -> new MspDashboard.PartnerCount(noneAsNull(entry.getKey()), entry.getValue()))
                        .sorted(Comparator.comparingLong(MspDashboard.PartnerCount::tenants).reversed()
                                .thenComparing(MspDashboard.PartnerCount::partnerId,
                                        Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(),
                grouped(existing, Total::countryKey).entrySet().stream()
                        .map(entry -> new MspDashboard.CountryCount(noneAsNull(entry.getKey()), entry.getValue()))
                        .sorted(Comparator.comparingLong(MspDashboard.CountryCount::tenants).reversed()
                                .thenComparing(MspDashboard.CountryCount::countryCode,
                                        Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(),
                createdPerDay(query.partnerId()),
                new MspDashboard.ExtensionQuota(existing.stream().mapToLong(Total::maxExtensions).sum(),
                        existing.stream().mapToLong(Total::extensions).sum()));
    }

    private List<Total> totals(String partnerId) {
        return jdbc.sql("SELECT partner_key, status, country_key, tenants, max_extensions, extensions FROM msp_total"
                        + " WHERE tenants <> 0" + (partnerId == null ? "" : " AND partner_key = :partnerKey"))
                .params(partnerId == null ? Map.of() : Map.of("partnerKey", partnerId))
                .query((rs, row) -> new Total(rs.getString("partner_key"), rs.getString("status"),
                        rs.getString("country_key"), rs.getLong("tenants"), rs.getLong("max_extensions"),
                        rs.getLong("extensions")))
                .list();
    }

    /** The last 30 days up to today (UTC), oldest first, days without creations as zero. */
    private List<MspDashboard.DayCount> createdPerDay(String partnerId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(DAYS - 1);
        Map<LocalDate, Long> counted = new HashMap<>();
        jdbc.sql("SELECT created_on, SUM(tenants) AS tenants FROM msp_created_per_day"
                        + " WHERE created_on BETWEEN :first AND :today"
                        + (partnerId == null ? "" : " AND partner_key = :partnerKey")
                        + " GROUP BY created_on")
                .param("first", Date.valueOf(first))
                .param("today", Date.valueOf(today))
                .params(partnerId == null ? Map.of() : Map.of("partnerKey", partnerId))
                .query((rs, row) -> counted.put(rs.getDate("created_on").toLocalDate(), rs.getLong("tenants")))
                .list();
        return first.datesUntil(today.plusDays(1))
                .map(day -> new MspDashboard.DayCount(day, counted.getOrDefault(day, 0L)))
                .toList();
    }

    private static Map<String, Long> grouped(List<Total> totals, Function<Total, String> key) {
        return totals.stream().collect(Collectors.groupingBy(key, Collectors.summingLong(Total::tenants)))
                .entrySet().stream()
                .filter(entry -> entry.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String noneAsNull(String key) {
        return key.isEmpty() ? null : key;
    }

    private record Total(String partnerKey, String status, String countryKey, long tenants, long maxExtensions,
                         long extensions) {
    }
}
