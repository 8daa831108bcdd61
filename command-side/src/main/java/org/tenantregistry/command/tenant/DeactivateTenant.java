package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tenantregistry.events.MemberStatus;

import java.util.UUID;

public record DeactivateTenant(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion, MemberStatus userStatus) {
}
