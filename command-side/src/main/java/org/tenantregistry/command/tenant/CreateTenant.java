package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Create a tenant; the web layer generates the id so that the answer can name it before the first read. */
public record CreateTenant(@TargetAggregateIdentifier UUID tenantId, TenantDraft draft) {
}
