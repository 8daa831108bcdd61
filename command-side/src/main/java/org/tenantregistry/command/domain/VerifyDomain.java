package org.tenantregistry.command.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Judges what DNS showed for one of the tenant's custom domains ({@link DomainVerification} asks DNS first): an
 * admin's verification, or a periodic re-check of a verified domain.
 *
 * @param checkedAt    when DNS was asked
 * @param renewalToken the token a verified domain gets if this check makes it lose its verification
 */
public record VerifyDomain(@TargetAggregateIdentifier UUID tenantId, UUID domainId, DnsObservation observation,
                           Instant checkedAt, String renewalToken) {
}
