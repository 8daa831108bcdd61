package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.events.DnsCheck;
import org.tenantregistry.query.domain.CustomDomain;
import org.tenantregistry.query.domain.DomainState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's custom domain on the wire, flat; the command side answers its writes with the same. */
@Schema(name = "CustomDomain")
record DomainRepresentation(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @Schema(description = "lower-case ASCII, IDNs as A-labels", example = "portal.acme.com") String domain,
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

    /**
     * @param tenantSlug the tenant's current slug: the CNAME's target is {@code <slug>.<base domain>}
     * @param now        what decides whether a pending token has expired
     */
    static DomainRepresentation of(CustomDomain domain, String tenantSlug, String baseDomain, Instant now) {
        DomainState state = domain.state(now);
        return new DomainRepresentation(domain.id(), domain.tenantId(), domain.domain(), state.wireName(),
                domain.primary(), domain.verificationToken(), domain.tokenExpiresAt(),
                List.of(new DnsRecord("CNAME", domain.domain(), tenantSlug + "." + baseDomain),
                        new DnsRecord("TXT", "_tenant-registry." + domain.domain(), domain.verificationToken())),
                nextStep(domain, state), domain.lastCheck() == null ? null : LastCheck.of(domain),
                domain.verifiedAt(), domain.createdAt(), domain.updatedAt());
    }

    private static String nextStep(CustomDomain domain, DomainState state) {
        return switch (state) {
            case PENDING -> "Create one of the records, then PUT /api/tenants/" + domain.tenantId() + "/domains/"
                    + domain.id() + "/verify.";
            case EXPIRED -> "The verification token expired at " + domain.tokenExpiresAt() + ": add the domain again "
                    + "with POST /api/tenants/" + domain.tenantId() + "/domains?domain=" + domain.domain()
                    + " for a new one.";
            case VERIFIED -> null;
        };
    }

    @Schema(name = "DnsRecord")
    record DnsRecord(@Schema(allowableValues = {"CNAME", "TXT"}) String type,
                     @Schema(example = "portal.acme.com") String name,
                     @Schema(example = "acme.tenants.example.com") String value) {
    }

    @Schema(name = "DnsCheck")
    record LastCheck(
            @Schema(allowableValues = {"verified", "nxdomain", "no_records", "wrong_target", "wrong_token", "timeout",
                    "server_failure"}) String outcome,
            @Schema(example = "portal.acme.com has no CNAME or TXT record") String detail,
            @JsonProperty("expected_cname") String expectedCname,
            @JsonProperty("cname_targets") List<String> cnameTargets,
            @JsonProperty("txt_name") String txtName,
            @JsonProperty("txt_values") List<String> txtValues,
            @Schema(description = "failed checks in a row; 0 after a verification")
            @JsonProperty("consecutive_failures") int consecutiveFailures,
            @JsonProperty("checked_at") Instant checkedAt) {

        static LastCheck of(CustomDomain domain) {
            DnsCheck check = domain.lastCheck();
            return new LastCheck(check.outcome().wireName(), check.detail(), check.expectedCname(),
                    check.cnameTargets(), check.txtName(), check.txtValues(), domain.consecutiveFailures(),
                    domain.lastCheckedAt() == null ? domain.updatedAt() : domain.lastCheckedAt());
        }
    }
}
