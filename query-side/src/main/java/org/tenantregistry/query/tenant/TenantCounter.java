package org.tenantregistry.query.tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tenant counts per status x partner x country, moved incrementally by the projection: a count without search text
 * adds up a few counter rows instead of counting tenant rows.
 */
@Repository
class TenantCounter {

    private static final Comparator<TenantFacets> LOCK_ORDER = Comparator.comparing(TenantFacets::status)
            .thenComparing(TenantFacets::partnerKey)
            .thenComparing(TenantFacets::countryKey);

    private final JdbcClient jdbc;

    TenantCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the tenant out of its old cell and puts it into its new one; a missing side means created or purged. */
    void move(Optional<TenantFacets> before, Optional<TenantFacets> after) {
        if (before.equals(after)) {
            return;
        }
        List<Delta> deltas = new ArrayList<>(2);
        before.ifPresent(facets -> deltas.add(new Delta(facets, -1)));
        after.ifPresent(facets -> deltas.add(new Delta(facets, +1)));
        // Always the same lock order, so two consumers moving tenants between the same cells cannot deadlock.
        deltas.sort(Comparator.comparing(Delta::facets, LOCK_ORDER));
        deltas.forEach(this::add);
    }

    long sum(TenantFilter filter) {
        Conditions conditions = Conditions.ofFacets(filter, "partner_key", "country_key");
        return conditions.bind(jdbc.sql("SELECT COALESCE(SUM(tenants), 0) FROM tenant_count" + conditions.where()))
                .query(Long.class)
                .single();
    }

    private void add(Delta delta) {
        jdbc.sql("""
                        INSERT INTO tenant_count (status, partner_key, country_key, tenants)
                        VALUES (:status, :partnerKey, :countryKey, :delta)
                        ON CONFLICT (status, partner_key, country_key)
                        DO UPDATE SET tenants = tenant_count.tenants + EXCLUDED.tenants""")
                .param("status", delta.facets().status())
                .param("partnerKey", delta.facets().partnerKey())
                .param("countryKey", delta.facets().countryKey())
                .param("delta", delta.amount())
                .update();
    }

    private record Delta(TenantFacets facets, long amount) {
    }
}
