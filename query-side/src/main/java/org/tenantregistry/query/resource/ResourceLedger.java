package org.tenantregistry.query.resource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the tenants own, as the resources projection has it: counts for lists, the resources for one tenant. */
@Component
public class ResourceLedger {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResourceLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The counts of each tenant the projection knows; a tenant it does not know (yet) is absent. */
    public Map<UUID, ResourceCounts> countsFor(Collection<UUID> tenantIds) {
        Map<UUID, ResourceCounts> counts = new LinkedHashMap<>();
        if (tenantIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT tenant_id, extensions, dids, queues, rates, users FROM tenant_resource_count
                         WHERE tenant_id = ANY(:ids)""")
                .param("ids", new SqlArrayValue("uuid", tenantIds.toArray()))
                .query((ResultSet row) -> {
                    counts.put(row.getObject("tenant_id", UUID.class), new ResourceCounts(row.getInt("extensions"),
                            row.getInt("dids"), row.getInt("queues"), row.getInt("rates"), row.getInt("users")));
                });
        return counts;
    }

    /** Every kind (an empty list where the tenant has none) to its resources in registration order. */
    @Transactional(readOnly = true)
    public Map<String, List<TenantResource>> resourcesOf(UUID tenantId) {
        Map<String, List<TenantResource>> byKind = new LinkedHashMap<>();
        ResourceKinds.ALL.forEach(kind -> byKind.put(kind, new ArrayList<>()));
        jdbc.sql("""
                        SELECT tenant_id, kind, resource_id, attributes::text AS attributes, registered_at
                          FROM tenant_resource WHERE tenant_id = :tenantId ORDER BY position""")
                .param("tenantId", tenantId)
                .query(this::resource)
                .list()
                .forEach(resource -> byKind.get(resource.kind()).add(resource));
        return byKind;
    }

    /** The tenant's resources of one kind in registration order; empty when the projection does not know the tenant. */
    @Transactional(readOnly = true)
    public Optional<List<TenantResource>> resourcesOf(UUID tenantId, String kind) {
        if (countsFor(List.of(tenantId)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT tenant_id, kind, resource_id, attributes::text AS attributes, registered_at
                          FROM tenant_resource WHERE tenant_id = :tenantId AND kind = :kind ORDER BY position""")
                .param("tenantId", tenantId)
                .param("kind", kind)
                .query(this::resource)
                .list());
    }

    private TenantResource resource(ResultSet row, int rowNumber) throws SQLException {
        return new TenantResource(row.getObject("resource_id", UUID.class), row.getObject("tenant_id", UUID.class),
                row.getString("kind"), json.readValue(row.getString("attributes"), ATTRIBUTES),
                row.getTimestamp("registered_at").toInstant());
    }
}
