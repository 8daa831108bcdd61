package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified domain failed its re-checks too often and is pending again, with a new token: the public branding no
 * longer answers for it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomDomainVerificationLost(UUID tenantId, UUID domainId, String domain, int consecutiveFailures,
                                           String verificationToken, Instant tokenExpiresAt) implements TenantEvent {
}
