package org.tenantregistry.command.resource;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ReleaseResource(@TargetAggregateIdentifier UUID tenantId, ResourceKind kind, UUID resourceId) {
}
