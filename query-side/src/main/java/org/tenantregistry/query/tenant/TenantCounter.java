package org.tenantregistry.query.tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant counts per status x partner x country, moved incrementally by the projection: a count without search text
 * adds up a few counter rows instead of counting tenant rows.
 */
@Repository
class TenantCounter {

    private final JdbcClient jdbc;

    TenantCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes each tenant out of its old cell and puts it into its new one (a missing side means created or purged),
     * summed per cell: a batch writes each cell it changes once, in one statement.
     */
    void move(Map<UUID, TenantFacets> before, Map<UUID, TenantFacets> after) {
        Map<TenantFacets, Long> deltas = new HashMap<>();
        before.forEach((tenantId, facets) -> deltas.merge(facets, -1L, Long::sum));
        after.forEach((tenantId, facets) -> deltas.merge(facets, 1L, Long::sum));
        deltas.values().removeIf(delta -> delta == 0);
        if (deltas.isEmpty()) {
            return;
        }
        List<TenantFacets> cells = List.copyOf(deltas.keySet());
        // Sorted by the database, the same order for every writer: two consumers moving tenants between the same
        // cells cannot deadlock.
        jdbc.sql("""
                        INSERT INTO tenant_count (status, partner_key, country_key, tenants)
                        SELECT * FROM unnest(CAST(:statuses AS text[]), CAST(:partners AS text[]),
                                             CAST(:countries AS text[]), CAST(:deltas AS bigint[]))
                        ORDER BY 1, 2, 3
                        ON CONFLICT (status, partner_key, country_key)
                        DO UPDATE SET tenants = tenant_count.tenants + EXCLUDED.tenants""")
                .param("statuses", new SqlArrayValue("text", cells.stream().map(TenantFacets::status).toArray(String[]::new)))
                .param("partners", new SqlArrayValue("text", cells.stream().map(TenantFacets::partnerKey).toArray(String[]::new)))
                .param("countries", new SqlArrayValue("text", cells.stream().map(TenantFacets::countryKey).toArray(String[]::new)))
                .param("deltas", new SqlArrayValue("int8", cells.stream().map(deltas::get).toArray(Long[]::new)))
                .update();
        // A cell no tenant is in any more is no row: the counters then hold the same rows however the events were
        // batched (a rebuild folds a suspension and its reactivation into nothing). The rows are this
        // transaction's already, so the delete waits for nobody.
        jdbc.sql("""
                        DELETE FROM tenant_count c
                        USING unnest(CAST(:statuses AS text[]), CAST(:partners AS text[]), CAST(:countries AS text[]))
                              AS moved(status, partner_key, country_key)
                        WHERE c.status = moved.status AND c.partner_key = moved.partner_key
                          AND c.country_key = moved.country_key AND c.tenants = 0""")
                .param("statuses", new SqlArrayValue("text", cells.stream().map(TenantFacets::status).toArray(String[]::new)))
                .param("partners", new SqlArrayValue("text", cells.stream().map(TenantFacets::partnerKey).toArray(String[]::new)))
                .param("countries", new SqlArrayValue("text", cells.stream().map(TenantFacets::countryKey).toArray(String[]::new)))
                .update();
    }

    /** The counters are kept per partner, so a partner's reach is a condition on them; one tenant's is not. */
    long sum(TenantFilter filter, Reach reach) {
        Conditions conditions = Conditions.ofFacets(filter, "partner_key", "country_key")
                .within(reach, "partner_key", null);
        return conditions.bind(jdbc.sql("SELECT COALESCE(SUM(tenants), 0) FROM tenant_count" + conditions.where()))
                .query(Long.class)
                .single();
    }
}
