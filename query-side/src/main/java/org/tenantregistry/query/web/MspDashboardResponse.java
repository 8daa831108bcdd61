package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.query.domain.DomainCounts;
import org.tenantregistry.query.statistics.MspDashboard;
import org.tenantregistry.support.web.CountryNames;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The MSP dashboard on the wire. */
@Schema(name = "MspDashboard")
record MspDashboardResponse(
        @Schema(example = "Dashboard loaded successfully.") String message,
        @Schema(description = "The partner asked for, or null for all") @JsonProperty("partner_id") @Nullable String partnerId,
        @Schema(description = "Tenants that are not soft-deleted") @JsonProperty("total_tenants") long totalTenants,
        @Schema(description = "Every status, deleted included")
        @JsonProperty("by_status") Map<String, Long> byStatus,
        @JsonProperty("by_partner") List<PartnerCount> byPartner,
        @JsonProperty("by_country") List<CountryCount> byCountry,
        @Schema(description = "The last 30 days (UTC) up to today, oldest first; tenants created that day and not purged")
        @JsonProperty("created_per_day") List<DayCount> createdPerDay,
        ExtensionQuota extensions,
        @Schema(description = "Custom domains of the tenants that are not soft-deleted; expired: pending with a token "
                + "past its expiry")
        @JsonProperty("domains_by_state") DomainsByState domainsByState) {

    static MspDashboardResponse of(MspDashboard dashboard, DomainCounts domains) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        dashboard.byStatus().forEach((status, tenants) -> byStatus.put(status.wireName(), tenants));
        return new MspDashboardResponse(
                "Dashboard loaded successfully.",
                dashboard.partnerId(),
                dashboard.totalTenants(),
                byStatus,
                dashboard.byPartner().stream().map(count -> new PartnerCount(count.partnerId(), count.tenants())).toList(),
                dashboard.byCountry().stream().map(count -> new CountryCount(count.countryCode(),
                        CountryNames.of(count.countryCode()), count.tenants())).toList(),
                dashboard.createdPerDay().stream().map(day -> new DayCount(day.date(), day.tenants())).toList(),
                new ExtensionQuota(dashboard.extensions().maxExtensions(), dashboard.extensions().inUse()),
                new DomainsByState(domains.pending(), domains.verified(), domains.expired()));
    }

    @Schema(name = "PartnerCount")
    record PartnerCount(
            @Schema(description = "null for tenants without a partner") @JsonProperty("partner_id") @Nullable String partnerId,
            long tenants) {
    }

    @Schema(name = "CountryCount")
    record CountryCount(
            @Schema(description = "null for tenants without a country") @JsonProperty("country_code")
            @Nullable String countryCode,
            @JsonProperty("country_name") @Nullable String countryName,
            long tenants) {
    }

    @Schema(name = "DayCount")
    record DayCount(LocalDate date, long tenants) {
    }

    @Schema(name = "ExtensionQuota")
    record ExtensionQuota(
            @Schema(description = "Sum of max_extensions over tenants that are not soft-deleted")
            @JsonProperty("max_extensions") long maxExtensions,
            @Schema(description = "Extensions registered by those tenants")
            @JsonProperty("in_use") long inUse) {
    }

    @Schema(name = "DomainsByState")
    record DomainsByState(long pending, long verified, long expired) {
    }
}
