package org.tenantregistry.command.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Makes a verified custom domain the tenant's primary domain (its {@code domain} field). */
public record SetPrimaryDomain(@TargetAggregateIdentifier UUID tenantId, UUID domainId) {
}
