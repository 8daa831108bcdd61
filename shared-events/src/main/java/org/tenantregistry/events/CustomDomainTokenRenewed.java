package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.UUID;

/** A pending domain got a new verification token, replacing the one that expired or was lost with the verification. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomDomainTokenRenewed(UUID tenantId, UUID domainId, String domain, String verificationToken,
                                       Instant tokenExpiresAt) implements TenantEvent {
}
