package org.tenantregistry.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant on the wire, flat like every API the registry replaces, and the same on both sides: the command side
 * answers a write with it, the query side every read. Writes accept the same names.
 *
 * @param active     true while the tenant is active (seed 003)
 * @param isTrashed  deactivated or deleted (seed 001)
 * @param extensions the relations, on a single tenant's read only (seed 000); absent from lists and write answers
 * @param domains    the custom domains in short, on a single tenant's read only (issue 12), like the relations
 */
@Schema(name = "Tenant")
public record TenantRepresentation(
        UUID id,
        @Schema(description = "short numeric id, unique, never reused; every path that takes the id takes it too",
                example = "1042") @Nullable Integer number,
        String name,
        String slug,
        @Nullable String domain,
        @Schema(allowableValues = {"active", "suspended", "deactivated", "deleted"}) String status,
        boolean active,
        @JsonProperty("is_trashed") boolean isTrashed,
        @JsonProperty("suspension_reason") @Nullable String suspensionReason,
        String timezone,
        @JsonProperty("max_extensions") int maxExtensions,
        Map<String, Object> settings,
        @Nullable String currency,
        @JsonProperty("accent_color") @Nullable String accentColor,
        @JsonProperty("logo_url") @Nullable String logoUrl,
        @Nullable String description,
        @Nullable String address,
        @Nullable String city,
        @JsonProperty("post_code") @Nullable String postCode,
        @JsonProperty("country_code") @Nullable String countryCode,
        @Schema(description = "English name derived from country_code; null without one")
        @JsonProperty("country_name") @Nullable String countryName,
        @JsonProperty("partner_id") @Nullable String partnerId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("deleted_at") @Nullable Instant deletedAt,
        @Schema(description = "number of the tenant's events; also the ETag, for If-Match and min_version")
        long version,
        @JsonProperty("extensions_count") int extensionsCount,
        @JsonProperty("dids_count") int didsCount,
        @JsonProperty("queues_count") int queuesCount,
        @JsonProperty("rates_count") int ratesCount,
        @JsonProperty("users_count") int usersCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> extensions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> dids,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> queues,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> rates,
        @Schema(description = "the custom domains (id, domain, status pending|verified|expired, is_primary), on a "
                + "single tenant's read only; GET /api/tenants/{id}/domains has them in full")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> domains) {

    /** How many resources of each kind a tenant holds. */
    public record Counts(int extensions, int dids, int queues, int rates, int users) {
    }

    /** The relations a single tenant's read carries. */
    public record Relations(List<Map<String, Object>> extensions, List<Map<String, Object>> dids,
                            List<Map<String, Object>> queues, List<Map<String, Object>> rates,
                            List<Map<String, Object>> domains) {
        /** Lists and write answers carry none. */
        public static final Relations OMITTED = new Relations(null, null, null, null, null);
    }

    /** The tenant's own fields; what a write decided, or what the read model holds. */
    public record Fields(UUID id, Integer number, String name, String slug, String domain, TenantStatus status,
                         String suspensionReason, String timezone, int maxExtensions, Map<String, Object> settings,
                         Branding branding, Profile profile, String partnerId, Instant createdAt, Instant updatedAt,
                         Instant deletedAt, long version) {
    }

    public static TenantRepresentation of(Fields tenant, Counts counts, Relations relations) {
        Branding branding = tenant.branding() == null ? Branding.NONE : tenant.branding();
        Profile profile = tenant.profile() == null ? Profile.NONE : tenant.profile();
        TenantStatus status = tenant.status();
        return new TenantRepresentation(tenant.id(), tenant.number(), tenant.name(), tenant.slug(), tenant.domain(),
                status.wireName(), status == TenantStatus.ACTIVE,
                status == TenantStatus.DEACTIVATED || status == TenantStatus.DELETED, tenant.suspensionReason(),
                tenant.timezone(), tenant.maxExtensions(), tenant.settings(), branding.currency(),
                branding.accentColor(), branding.logoUrl(), profile.description(), profile.address(), profile.city(),
                profile.postCode(), profile.countryCode(), CountryNames.of(profile.countryCode()), tenant.partnerId(),
                tenant.createdAt(), tenant.updatedAt(), tenant.deletedAt(), tenant.version(), counts.extensions(),
                counts.dids(), counts.queues(), counts.rates(), counts.users(), relations.extensions(),
                relations.dids(), relations.queues(), relations.rates(), relations.domains());
    }
}
