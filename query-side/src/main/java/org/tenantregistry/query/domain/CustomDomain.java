package org.tenantregistry.query.domain;

import org.jspecify.annotations.Nullable;
import org.tenantregistry.events.DnsCheck;

import java.time.Instant;
import java.util.UUID;

/**
 * One custom domain of a tenant, as the domains projection has it.
 *
 * @param verified      whether DNS proved it (a failed re-check leaves it verified until the verification is lost)
 * @param lastCheck     what the last verification or failed check saw, null before the first
 * @param lastCheckedAt when that was
 */
public record CustomDomain(UUID id, UUID tenantId, String domain, boolean verified, String verificationToken,
                           Instant tokenExpiresAt, @Nullable DnsCheck lastCheck, @Nullable Instant lastCheckedAt,
                           int consecutiveFailures, boolean primary, @Nullable Instant verifiedAt, Instant createdAt,
                           Instant updatedAt) {

    /** Expired: pending with a token that proves nothing any more, as of {@code now}. */
    public DomainState state(Instant now) {
        if (verified) {
            return DomainState.VERIFIED;
        }
        return tokenExpiresAt.isAfter(now) ? DomainState.PENDING : DomainState.EXPIRED;
    }
}
