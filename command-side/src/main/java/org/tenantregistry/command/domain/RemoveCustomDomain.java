package org.tenantregistry.command.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removes one of the tenant's custom domains; its name is quarantined like a released slug. */
public record RemoveCustomDomain(@TargetAggregateIdentifier UUID tenantId, UUID domainId) {
}
