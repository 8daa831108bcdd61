package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.UUID;

/**
 * The tenant added a custom domain, pending until DNS proves the tenant controls it: a CNAME from the domain to the
 * tenant's {@code <slug>.<platform base domain>}, or a TXT record {@code _tenant-registry.<domain>} holding the token.
 *
 * @param domain             lower-case ASCII (IDNs as A-labels), unique across all tenants' primary and custom domains
 * @param verificationToken  what the TXT record must hold
 * @param tokenExpiresAt     after this the token proves nothing; adding the domain again renews it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomDomainAdded(UUID tenantId, UUID domainId, String domain, String verificationToken,
                                Instant tokenExpiresAt) implements TenantEvent {
}
