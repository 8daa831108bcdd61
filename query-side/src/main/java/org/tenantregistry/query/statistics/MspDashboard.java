package org.tenantregistry.query.statistics;

import org.tenantregistry.events.TenantStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The MSP dashboard. Totals, partners, countries and quota leave soft-deleted tenants out; {@code byStatus} shows them
 * under {@code deleted}; {@code createdPerDay} counts every tenant created on that day (UTC) that has not been purged.
 */
public record MspDashboard(
        String partnerId,
        long totalTenants,
        Map<TenantStatus, Long> byStatus,
        List<PartnerCount> byPartner,
        List<CountryCount> byCountry,
        List<DayCount> createdPerDay,
        ExtensionQuota extensions) {

    /** @param partnerId null for tenants without a partner */
    public record PartnerCount(String partnerId, long tenants) {
    }

    /** @param countryCode null for tenants without a country */
    public record CountryCount(String countryCode, long tenants) {
    }

    public record DayCount(LocalDate date, long tenants) {
    }

    /** @param inUse extensions registered, against {@code maxExtensions} allowed */
    public record ExtensionQuota(long maxExtensions, long inUse) {
    }
}
