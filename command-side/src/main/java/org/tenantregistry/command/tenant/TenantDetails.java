package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;

import java.util.Map;

/** The validated, normalized descriptive fields of a tenant: everything but its id, slug and lifecycle. */
public record TenantDetails(
        String name,
        String domain,
        String timezone,
        int maxExtensions,
        Map<String, Object> settings,
        Branding branding,
        Profile profile,
        String partnerId) {

    TenantDetails withName(String newName) {
        return new TenantDetails(newName, domain, timezone, maxExtensions, settings, branding, profile, partnerId);
    }

    TenantDetails withDomain(String newDomain) {
        return new TenantDetails(name, newDomain, timezone, maxExtensions, settings, branding, profile, partnerId);
    }

    TenantDetails withTimezone(String newTimezone) {
        return new TenantDetails(name, domain, newTimezone, maxExtensions, settings, branding, profile, partnerId);
    }

    TenantDetails withMaxExtensions(int newMax) {
        return new TenantDetails(name, domain, timezone, newMax, settings, branding, profile, partnerId);
    }

    TenantDetails withSettings(Map<String, Object> newSettings) {
        return new TenantDetails(name, domain, timezone, maxExtensions, newSettings, branding, profile, partnerId);
    }

    TenantDetails withBranding(Branding newBranding) {
        return new TenantDetails(name, domain, timezone, maxExtensions, settings, newBranding, profile, partnerId);
    }

    TenantDetails withProfile(Profile newProfile) {
        return new TenantDetails(name, domain, timezone, maxExtensions, settings, branding, newProfile, partnerId);
    }

    TenantDetails withPartnerId(String newPartnerId) {
        return new TenantDetails(name, domain, timezone, maxExtensions, settings, branding, profile, newPartnerId);
    }
}
