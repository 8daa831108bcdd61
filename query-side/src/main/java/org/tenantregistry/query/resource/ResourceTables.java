package org.tenantregistry.query.resource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEventEnvelope;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The writes of {@link ResourceProjection}, in the runner's transaction. */
@Component
class ResourceTables {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResourceTables(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void addTenant(UUID tenantId) {
        jdbc.sql("INSERT INTO tenant_resource_count (tenant_id) VALUES (:tenantId) ON CONFLICT DO NOTHING")
                .param("tenantId", tenantId).update();
    }

    void removeTenant(UUID tenantId) {
        jdbc.sql("DELETE FROM tenant_resource WHERE tenant_id = :tenantId").param("tenantId", tenantId).update();
        jdbc.sql("DELETE FROM tenant_resource_count WHERE tenant_id = :tenantId").param("tenantId", tenantId).update();
    }

    void register(TenantEventEnvelope envelope, UUID resourceId, String kind, Map<String, Object> attributes) {
        jdbc.sql("""
                        INSERT INTO tenant_resource (tenant_id, kind, resource_id, attributes, position, registered_at)
                        VALUES (:tenantId, :kind, :resourceId, CAST(:attributes AS jsonb), :position, :registeredAt)""")
                .param("tenantId", envelope.tenantId())
                .param("kind", kind)
                .param("resourceId", resourceId)
                .param("attributes", json.writeValueAsString(attributes))
                .param("position", envelope.sequence())
                .param("registeredAt", Timestamp.from(envelope.occurredAt()))
                .update();
        count(envelope.tenantId(), kind, 1);
    }

    void release(UUID tenantId, UUID resourceId) {
        Optional<String> kind = jdbc.sql("""
                        DELETE FROM tenant_resource WHERE tenant_id = :tenantId AND resource_id = :resourceId
                        RETURNING kind""")
                .param("tenantId", tenantId)
                .param("resourceId", resourceId)
                .query(String.class)
                .optional();
        kind.ifPresent(released -> count(tenantId, released, -1));
    }

    void setMemberStatus(UUID tenantId, int status) {
        jdbc.sql("""
                        UPDATE tenant_resource
                           SET attributes = jsonb_set(attributes, '{status}', to_jsonb(CAST(:status AS integer)))
                         WHERE tenant_id = :tenantId AND kind = :kind""")
                .param("status", status)
                .param("tenantId", tenantId)
                .param("kind", ResourceKinds.USERS)
                .update();
    }

    private void count(UUID tenantId, String kind, int by) {
        if (!ResourceKinds.ALL.contains(kind)) {
            throw new IllegalArgumentException("no resource kind " + kind);
        }
        // The kind names a column; it is one of the constants, checked above, never input.
        jdbc.sql("UPDATE tenant_resource_count SET " + kind + " = " + kind + " + :by WHERE tenant_id = :tenantId")
                .param("by", by)
                .param("tenantId", tenantId)
                .update();
    }
}
