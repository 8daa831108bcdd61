package org.tenantregistry.command.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds a custom domain to a tenant, pending until DNS proves the tenant controls it. Adding a domain the tenant already
 * has answers it as it is, or with a new token when its token expired.
 *
 * @param domain            as the client wrote it; the tenant checks and normalizes it
 * @param verificationToken a fresh random token, used if the domain is new or its token is renewed
 * @param requestedAt       when the request came, the start of the token's validity
 */
public record AddCustomDomain(@TargetAggregateIdentifier UUID tenantId, UUID domainId, String domain,
                              String verificationToken, Instant requestedAt) {
}
