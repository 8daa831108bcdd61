package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.statistics.MspDashboard;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The MSP dashboard on the wire. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "MspDashboard")
record MspDashboardResponse(
        @Schema(description = "The partner asked for, or null for all") String partnerId,
        @Schema(description = "Tenants that are not soft-deleted") long totalTenants,
        @Schema(description = "Every status, deleted included") Map<String, Long> byStatus,
        List<PartnerCount> byPartner,
        List<CountryCount> byCountry,
        @Schema(description = "The last 30 days (UTC) up to today, oldest first; tenants created that day and not purged")
        List<DayCount> createdPerDay,
        ExtensionQuota extensions) {

    static MspDashboardResponse of(MspDashboard dashboard) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        dashboard.byStatus().forEach((status, tenants) -> byStatus.put(status.wireName(), tenants));
        return new MspDashboardResponse(
                dashboard.partnerId(),
                dashboard.totalTenants(),
                byStatus,
                dashboard.byPartner().stream().map(count -> new PartnerCount(count.partnerId(), count.tenants())).toList(),
                dashboard.byCountry().stream().map(count -> new CountryCount(count.countryCode(),
                        CountryNames.of(count.countryCode()), count.tenants())).toList(),
                dashboard.createdPerDay().stream().map(day -> new DayCount(day.date(), day.tenants())).toList(),
                new ExtensionQuota(dashboard.extensions().maxExtensions(), dashboard.extensions().inUse()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "PartnerCount")
    record PartnerCount(@Schema(description = "null for tenants without a partner") String partnerId, long tenants) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "CountryCount")
    record CountryCount(String countryCode, String countryName, long tenants) {
    }

    @Schema(name = "DayCount")
    record DayCount(LocalDate date, long tenants) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "ExtensionQuota")
    record ExtensionQuota(
            @Schema(description = "Sum of max_extensions over tenants that are not soft-deleted") long maxExtensions,
            @Schema(description = "Extensions registered; 0 until the registry tracks them") long inUse) {
    }
}
