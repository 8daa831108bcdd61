package org.tenantregistry.query.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.DnsCheck;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tenants' custom domains as the domains projection has them. */
@Component
public class DomainLedger {

    private static final String COLUMNS = """
            tenant_id, domain_id, domain, state, verification_token, token_expires_at, last_check::text AS last_check,
            last_checked_at, consecutive_failures, is_primary, verified_at, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DomainLedger(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The tenant's domains in the order they were added (the domain's name between equals); empty when it has none. */
    public List<CustomDomain> domainsOf(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_domain WHERE tenant_id = :tenantId"
                        + " ORDER BY created_at, domain")
                .param("tenantId", tenantId)
                .query(this::domain)
                .list();
    }

    public Optional<CustomDomain> domainOf(UUID tenantId, UUID domainId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_domain WHERE tenant_id = :tenantId AND domain_id = :domainId")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .query(this::domain)
                .optional();
    }

    /**
     * The domains of the tenants that are not soft-deleted, of one partner or all, by state as of the clock's now.
     * Counted on read, unlike the dashboard's tenant figures: whether a pending domain has expired changes with time,
     * not with an event, and a tenant has a few domains at most. The partner is the tenant projection's.
     */
    public DomainCounts countsByState(@Nullable String partnerId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT CASE WHEN d.state = 'pending' AND d.token_expires_at < :now THEN 'expired'
                                    ELSE d.state END AS shown, count(*) AS domains
                          FROM tenant_domain d JOIN tenant t ON t.id = d.tenant_id
                         WHERE t.status <> 'deleted'""" + (partnerId == null ? "" : " AND t.partner_id = :partnerId")
                        + " GROUP BY shown")
                .params(partnerId == null ? Map.of("now", Timestamp.from(clock.instant()))
                        : Map.of("now", Timestamp.from(clock.instant()), "partnerId", partnerId))
                .query((ResultSet row) -> {
                    counts.put(row.getString("shown"), row.getLong("domains"));
                });
        return new DomainCounts(counts.getOrDefault("pending", 0L), counts.getOrDefault("verified", 0L),
                counts.getOrDefault("expired", 0L));
    }

    private CustomDomain domain(ResultSet row, int rowNumber) throws SQLException {
        String check = row.getString("last_check");
        return new CustomDomain(row.getObject("domain_id", UUID.class), row.getObject("tenant_id", UUID.class),
                row.getString("domain"), "verified".equals(row.getString("state")),
                row.getString("verification_token"), instant(row.getTimestamp("token_expires_at")),
                check == null ? null : json.readValue(check, DnsCheck.class), instant(row.getTimestamp("last_checked_at")),
                row.getInt("consecutive_failures"), row.getBoolean("is_primary"),
                instant(row.getTimestamp("verified_at")), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
