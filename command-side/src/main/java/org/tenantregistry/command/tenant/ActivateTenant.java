package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ActivateTenant(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion) {
}
