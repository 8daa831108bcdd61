package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Replace a tenant's details with the draft (PUT); fields left out take their defaults, slug and status are kept. */
public record UpdateTenant(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion, TenantDraft draft) {
}
