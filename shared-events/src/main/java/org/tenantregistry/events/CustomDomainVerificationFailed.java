package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * A check of the domain failed; a verified domain stays verified until {@code consecutiveFailures} reaches the
 * platform's limit, when {@link CustomDomainVerificationLost} follows.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomDomainVerificationFailed(UUID tenantId, UUID domainId, String domain, DnsCheck check,
                                             int consecutiveFailures) implements TenantEvent {
}
