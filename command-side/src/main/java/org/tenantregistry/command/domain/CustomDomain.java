package org.tenantregistry.command.domain;

import org.tenantregistry.events.DnsCheck;

import java.time.Instant;
import java.util.UUID;

/**
 * One custom domain of a tenant, as its events left it.
 *
 * @param verified            whether DNS proved the tenant controls it (and no re-checks lost it since)
 * @param token               what a TXT record must hold; a verified domain keeps the token it was verified with
 * @param lastCheck           what the last check saw; null before the first
 * @param consecutiveFailures failed checks since the last one that passed
 */
public record CustomDomain(UUID id, String name, boolean verified, String token, Instant tokenExpiresAt,
                           DnsCheck lastCheck, Instant lastCheckedAt, int consecutiveFailures, Instant verifiedAt,
                           Instant createdAt, Instant updatedAt) {

    static CustomDomain added(UUID id, String name, String token, Instant tokenExpiresAt, Instant at) {
        return new CustomDomain(id, name, false, token, tokenExpiresAt, null, null, 0, null, at, at);
    }

    /** A pending domain whose token ran out: it can no longer be verified until it gets a new one. */
    public boolean expiredAt(Instant now) {
        return !verified && !tokenExpiresAt.isAfter(now);
    }

    CustomDomain withToken(String newToken, Instant expiresAt, Instant at) {
        return new CustomDomain(id, name, false, newToken, expiresAt, lastCheck, lastCheckedAt, consecutiveFailures,
                verifiedAt, createdAt, at);
    }

    CustomDomain verifiedBy(DnsCheck check, Instant at) {
        return new CustomDomain(id, name, true, token, tokenExpiresAt, check, at, 0, verified ? verifiedAt : at,
                createdAt, at);
    }

    CustomDomain failedBy(DnsCheck check, int failures, Instant at) {
        return new CustomDomain(id, name, verified, token, tokenExpiresAt, check, at, failures, verifiedAt,
                createdAt, at);
    }

    CustomDomain lost(String newToken, Instant expiresAt, Instant at) {
        return new CustomDomain(id, name, false, newToken, expiresAt, lastCheck, lastCheckedAt, consecutiveFailures,
                null, createdAt, at);
    }
}
