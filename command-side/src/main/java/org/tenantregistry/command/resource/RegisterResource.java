package org.tenantregistry.command.resource;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

/**
 * Registers one resource of a tenant.
 *
 * @param attributes the attributes as the client sent them (JSON names), checked by the tenant's {@link Resources}
 */
public record RegisterResource(@TargetAggregateIdentifier UUID tenantId, UUID resourceId, ResourceKind kind,
                               Map<String, Object> attributes) {
}
