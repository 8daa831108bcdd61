package org.tenantregistry.support.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.events.DnsCheck;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's custom domain on the wire, the same on both sides: the command side answers a write with it, the query
 * side every read. It carries the DNS records that prove ownership and what the last check saw, so that an admin
 * knows what to create and what to fix without reading anything else.
 *
 * @param status    {@code pending} until DNS proves it, {@code verified}, or {@code expired}: pending with a token
 *                  that ran out
 * @param records   the records that prove ownership, either one is enough
 * @param nextStep  what the admin does next; null once verified
 * @param lastCheck what the last check saw; null before the first
 */
@Schema(name = "CustomDomain")
public record DomainRepresentation(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @Schema(description = "lower-case ASCII, IDNs as A-labels", example = "assets.acme.com") String domain,
        @Schema(description = "expired: pending with a token past token_expires_at",
                allowableValues = {"pending", "verified", "expired"}) String status,
        @JsonProperty("is_primary") boolean isPrimary,
        @JsonProperty("verification_token") String verificationToken,
        @JsonProperty("token_expires_at") Instant tokenExpiresAt,
        @Schema(description = "Either proves the domain: the CNAME to the tenant's host, or the TXT record with the token")
        List<DnsRecord> records,
        @Schema(description = "What to do next; null for a verified domain")
        @JsonProperty("next_step") @Nullable String nextStep,
        @Schema(description = "The last verification or failed check; null before the first")
        @JsonProperty("last_check") @Nullable LastCheck lastCheck,
        @JsonProperty("verified_at") @Nullable Instant verifiedAt,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** One DNS record to create: {@code CNAME assets.acme.com -> acme.tenants.example} or the TXT with the token. */
    @Schema(name = "DnsRecord")
    public record DnsRecord(@Schema(allowableValues = {"CNAME", "TXT"}) String type,
                            @Schema(example = "assets.acme.com") String name,
                            @Schema(example = "acme.tenants.example.com") String value) {
    }

    /** What one check saw in DNS, and whether it passed ({@code outcome} {@code verified}). */
    @Schema(name = "DnsCheck")
    public record LastCheck(
            @Schema(allowableValues = {"verified", "nxdomain", "no_records", "wrong_target", "wrong_token", "timeout",
                    "server_failure"}) String outcome,
            @Schema(example = "assets.acme.com has no CNAME and _tenant-registry.assets.acme.com no TXT record")
            String detail,
            @JsonProperty("expected_cname") String expectedCname,
            @JsonProperty("cname_targets") List<String> cnameTargets,
            @JsonProperty("txt_name") String txtName,
            @JsonProperty("txt_values") List<String> txtValues,
            @Schema(description = "failed checks in a row; 0 after a verification")
            @JsonProperty("consecutive_failures") int consecutiveFailures,
            @JsonProperty("checked_at") Instant checkedAt) {
    }

    /**
     * The facts one side holds about the domain.
     *
     * @param cnameTarget the tenant's {@code <slug>.<base domain>} now
     * @param lastCheck   null before the first check
     * @param checkedAt   when the last check was, null before the first
     */
    public record Facts(UUID id, UUID tenantId, String domain, boolean verified, boolean primary, String token,
                        Instant tokenExpiresAt, String cnameTarget, @Nullable DnsCheck lastCheck,
                        int consecutiveFailures, @Nullable Instant checkedAt, @Nullable Instant verifiedAt,
                        Instant createdAt, Instant updatedAt) {
    }

    /** The representation of the facts as they stand at {@code now}, which decides whether a token has expired. */
    public static DomainRepresentation of(Facts facts, Instant now) {
        boolean expired = !facts.verified() && !facts.tokenExpiresAt().isAfter(now);
        String status = facts.verified() ? "verified" : expired ? "expired" : "pending";
        String path = "/api/tenants/" + facts.tenantId() + "/domains";
        String nextStep = facts.verified() ? null
                : expired ? "The verification token expired at " + facts.tokenExpiresAt() + ": add the domain again "
                        + "with POST " + path + "?domain=" + facts.domain() + " for a new one."
                : "Create one of the records, then PUT " + path + "/" + facts.id() + "/verify.";
        List<DnsRecord> records = List.of(new DnsRecord("CNAME", facts.domain(), facts.cnameTarget()),
                new DnsRecord("TXT", DnsCheck.txtNameOf(facts.domain()), facts.token()));
        DnsCheck check = facts.lastCheck();
        LastCheck lastCheck = check == null ? null : new LastCheck(check.outcome().wireName(), check.detail(),
                check.expectedCname(), check.cnameTargets(), check.txtName(), check.txtValues(),
                facts.consecutiveFailures(), facts.checkedAt());
        return new DomainRepresentation(facts.id(), facts.tenantId(), facts.domain(), status, facts.primary(),
                facts.token(), facts.tokenExpiresAt(), records, nextStep, lastCheck, facts.verifiedAt(),
                facts.createdAt(), facts.updatedAt());
    }
}
