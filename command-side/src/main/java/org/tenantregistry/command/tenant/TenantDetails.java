package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantBrandingChanged;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantPartnerChanged;
import org.tenantregistry.events.TenantProfileChanged;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantSettingsChanged;
import org.tenantregistry.events.TenantTimezoneChanged;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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

    /** One event per field that really changed, so that a downstream service can react to just that change. */
    List<Object> changesTowards(TenantDetails now, UUID tenantId) {
        TenantDetails was = this;
        List<Object> events = new ArrayList<>();
        if (!was.name().equals(now.name())) {
            events.add(new TenantRenamed(tenantId, was.name(), now.name()));
        }
        if (!Objects.equals(was.domain(), now.domain())) {
            events.add(new TenantDomainChanged(tenantId, was.domain(), now.domain()));
        }
        if (!was.timezone().equals(now.timezone())) {
            events.add(new TenantTimezoneChanged(tenantId, was.timezone(), now.timezone()));
        }
        if (was.maxExtensions() != now.maxExtensions()) {
            events.add(new TenantMaxExtensionsChanged(tenantId, was.maxExtensions(), now.maxExtensions()));
        }
        if (!was.settings().equals(now.settings())) {
            events.add(new TenantSettingsChanged(tenantId, now.settings()));
        }
        if (!was.branding().equals(now.branding())) {
            events.add(new TenantBrandingChanged(tenantId, now.branding()));
        }
        if (!was.profile().equals(now.profile())) {
            events.add(new TenantProfileChanged(tenantId, now.profile()));
        }
        if (!Objects.equals(was.partnerId(), now.partnerId())) {
            events.add(new TenantPartnerChanged(tenantId, was.partnerId(), now.partnerId()));
        }
        return events;
    }
}
