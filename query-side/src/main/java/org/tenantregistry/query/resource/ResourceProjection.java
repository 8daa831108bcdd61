package org.tenantregistry.query.resource;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.DidRegistered;
import org.tenantregistry.events.DidReleased;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.QueueRegistered;
import org.tenantregistry.events.QueueReleased;
import org.tenantregistry.events.RateRegistered;
import org.tenantregistry.events.RateReleased;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.UserAdded;
import org.tenantregistry.events.UserRemoved;
import org.tenantregistry.query.projection.Change;
import org.tenantregistry.query.projection.Projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resources each tenant owns, behind {@code GET /api/tenants/{id}/{kind}} and the tenants' resource counts. The
 * runner applies each event once, in each tenant's order; events about anything else only advance the tracking.
 */
@Component
public class ResourceProjection implements Projection {

    public static final String NAME = "resources";

    private final ResourceTables tables;

    ResourceProjection(ResourceTables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("tenant_resource", "tenant_resource_count");
    }

    @Override
    public void applyAll(List<Change> changes) {
        for (Change change : changes) {
            apply(change.envelope().tenantId(), change.envelope(), change.event());
        }
    }

    private void apply(UUID tenantId, TenantEventEnvelope envelope, TenantEvent event) {
        if (event instanceof TenantCreated) {
            tables.addTenant(tenantId);
        } else if (event instanceof TenantPurged) {
            tables.removeTenant(tenantId);
        } else if (event instanceof TenantDeactivated deactivated && deactivated.userStatus() != null) {
            // Seed 001: "set status of the users belonging to the tenant to this value after deactivation".
            tables.setMemberStatus(tenantId, deactivated.userStatus().code());
        } else if (event instanceof ExtensionRegistered e) {
            tables.register(envelope, e.resourceId(), ResourceKinds.EXTENSIONS,
                    attributes("number", e.number(), "name", e.name()));
        } else if (event instanceof DidRegistered e) {
            tables.register(envelope, e.resourceId(), ResourceKinds.DIDS, attributes("number", e.number()));
        } else if (event instanceof QueueRegistered e) {
            tables.register(envelope, e.resourceId(), ResourceKinds.QUEUES,
                    attributes("name", e.name(), "strategy", e.strategy()));
        } else if (event instanceof RateRegistered e) {
            tables.register(envelope, e.resourceId(), ResourceKinds.RATES,
                    attributes("prefix", e.prefix(), "price", e.price(), "currency", e.currency()));
        } else if (event instanceof UserAdded e) {
            tables.register(envelope, e.resourceId(), ResourceKinds.USERS,
                    attributes("email", e.email(), "status", e.status().code()));
        } else if (event instanceof ExtensionReleased e) {
            tables.release(tenantId, e.resourceId());
        } else if (event instanceof DidReleased e) {
            tables.release(tenantId, e.resourceId());
        } else if (event instanceof QueueReleased e) {
            tables.release(tenantId, e.resourceId());
        } else if (event instanceof RateReleased e) {
            tables.release(tenantId, e.resourceId());
        } else if (event instanceof UserRemoved e) {
            tables.release(tenantId, e.resourceId());
        }
    }

    /** Name-value pairs in order; values may be null. */
    private static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }
}
