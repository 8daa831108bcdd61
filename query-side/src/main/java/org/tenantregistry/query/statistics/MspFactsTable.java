package org.tenantregistry.query.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statistics projection's own per-tenant state: it needs the old cell to move a tenant out of it. Read and written
 * for a whole batch of tenants per statement.
 */
@Repository
class MspFactsTable {

    private final JdbcClient jdbc;

    MspFactsTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, MspFacts> find(Collection<UUID> tenantIds) {
        Map<UUID, MspFacts> found = new HashMap<>();
        jdbc.sql("""
                        SELECT tenant_id, status, partner_key, country_key, max_extensions, extensions, created_on
                        FROM msp_tenant WHERE tenant_id = ANY(:ids)""")
                .param("ids", new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new)))
                .query((rs, row) -> found.put(rs.getObject("tenant_id", UUID.class), new MspFacts(rs.getString("status"),
                        rs.getString("partner_key"), rs.getString("country_key"), rs.getInt("max_extensions"),
                        rs.getInt("extensions"), rs.getDate("created_on").toLocalDate())))
                .list();
        return found;
    }

    void save(Map<UUID, MspFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, MspFacts>> rows = List.copyOf(facts.entrySet());
        jdbc.sql("""
                        INSERT INTO msp_tenant (tenant_id, status, partner_key, country_key, max_extensions, extensions,
                            created_on)
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:statuses AS text[]),
                            CAST(:partners AS text[]), CAST(:countries AS text[]), CAST(:maxExtensions AS integer[]),
                            CAST(:extensions AS integer[]), CAST(:createdOn AS date[]))
                        ON CONFLICT (tenant_id) DO UPDATE SET status = EXCLUDED.status,
                            partner_key = EXCLUDED.partner_key, country_key = EXCLUDED.country_key,
                            max_extensions = EXCLUDED.max_extensions, extensions = EXCLUDED.extensions,
                            created_on = EXCLUDED.created_on""")
                .param("ids", new SqlArrayValue("uuid", rows.stream().map(Map.Entry::getKey).toArray(UUID[]::new)))
                .param("statuses", texts(rows.stream().map(row -> row.getValue().status()).toList()))
                .param("partners", texts(rows.stream().map(row -> row.getValue().partnerKey()).toList()))
                .param("countries", texts(rows.stream().map(row -> row.getValue().countryKey()).toList()))
                .param("maxExtensions", new SqlArrayValue("int4",
                        rows.stream().map(row -> row.getValue().maxExtensions()).toArray(Integer[]::new)))
                .param("extensions", new SqlArrayValue("int4",
                        rows.stream().map(row -> row.getValue().extensions()).toArray(Integer[]::new)))
                .param("createdOn", texts(rows.stream().map(row -> row.getValue().createdOn().toString()).toList()))
                .update();
    }

    void delete(Collection<UUID> tenantIds) {
        if (!tenantIds.isEmpty()) {
            jdbc.sql("DELETE FROM msp_tenant WHERE tenant_id = ANY(:ids)")
                    .param("ids", new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new)))
                    .update();
        }
    }

    private static SqlArrayValue texts(List<String> values) {
        return new SqlArrayValue("text", values.toArray(String[]::new));
    }
}
