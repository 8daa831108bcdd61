package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.UUID;

/**
 * Many tenants' keys at once, as {@code GET /api/event-keys?tenant_id=…&tenant_id=…} answers them: what a consumer
 * catching up or rebuilding asks for the tenants of one batch, instead of one request per tenant.
 *
 * @param keys     the keys of the tenants that have one
 * @param shredded the tenants that were purged: their sealed fields are erased
 * @param unknown  the tenants that have no key: none of their published events holds a sealed field
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantEventKeys(List<TenantEventKey> keys, List<UUID> shredded, List<UUID> unknown) {

    /** How many tenants one request may name. */
    public static final int MAX_TENANTS = 100;

    public TenantEventKeys {
        keys = List.copyOf(keys);
        shredded = List.copyOf(shredded);
        unknown = List.copyOf(unknown);
    }
}
