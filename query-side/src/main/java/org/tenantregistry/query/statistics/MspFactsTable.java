package org.tenantregistry.query.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.util.Optional;
import java.util.UUID;

/** The statistics projection's own per-tenant state: it needs the old cell to move a tenant out of it. */
@Repository
class MspFactsTable {

    private final JdbcClient jdbc;

    MspFactsTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MspFacts> find(UUID tenantId) {
        return jdbc.sql("""
                        SELECT status, partner_key, country_key, max_extensions, created_on
                        FROM msp_tenant WHERE tenant_id = :tenantId""")
                .param("tenantId", tenantId)
                .query((rs, row) -> new MspFacts(rs.getString("status"), rs.getString("partner_key"),
                        rs.getString("country_key"), rs.getInt("max_extensions"),
                        rs.getDate("created_on").toLocalDate()))
                .optional();
    }

    void save(UUID tenantId, MspFacts facts) {
        jdbc.sql("""
                        INSERT INTO msp_tenant (tenant_id, status, partner_key, country_key, max_extensions, created_on)
                        VALUES (:tenantId, :status, :partnerKey, :countryKey, :maxExtensions, :createdOn)
                        ON CONFLICT (tenant_id) DO UPDATE SET status = EXCLUDED.status,
                            partner_key = EXCLUDED.partner_key, country_key = EXCLUDED.country_key,
                            max_extensions = EXCLUDED.max_extensions, created_on = EXCLUDED.created_on""")
                .param("tenantId", tenantId)
                .param("status", facts.status())
                .param("partnerKey", facts.partnerKey())
                .param("countryKey", facts.countryKey())
                .param("maxExtensions", facts.maxExtensions())
                .param("createdOn", Date.valueOf(facts.createdOn()))
                .update();
    }

    void delete(UUID tenantId) {
        jdbc.sql("DELETE FROM msp_tenant WHERE tenant_id = :tenantId").param("tenantId", tenantId).update();
    }
}
