package org.tenantregistry.query.resource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One resource of a tenant.
 *
 * @param kind       {@code extensions}, {@code dids}, {@code queues}, {@code rates} or {@code users}
 * @param attributes JSON names to values, as the API shows them
 */
public record TenantResource(UUID id, UUID tenantId, String kind, Map<String, Object> attributes,
                             Instant registeredAt) {
}
