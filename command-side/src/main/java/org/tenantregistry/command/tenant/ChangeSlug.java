package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ChangeSlug(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion, String slug) {
}
