package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record PurgeTenant(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion) {
}
