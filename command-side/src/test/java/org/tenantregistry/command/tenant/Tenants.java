package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.tenantregistry.command.tenant.Drafts.draft;

/** Tenants the tests start from, as the events that created them and as the drafts that describe them. */
final class Tenants {

    static final UUID ID = UUID.fromString("3f2a9c10-7b4e-4d1a-9c2f-5e6d7a8b9c01");
    static final UUID OTHER_TENANT = UUID.fromString("b1d2e3f4-0000-4000-8000-000000000002");

    static final Branding ACME_BRANDING = new Branding("https://cdn.example.com/acme.png", "#112233", "EUR");
    static final Profile ACME_PROFILE = new Profile("Rockets and anvils", "1 Desert Road", "Berlin", "10115", "DE");

    private Tenants() {
    }

    /** "Acme" with only defaults: no domain, UTC, 100 extensions, empty settings, branding and profile. */
    static TenantCreated plainAcme() {
        return new TenantCreated(ID, "Acme", "acme", null, "UTC", 100, Map.of(), Branding.NONE, Profile.NONE, null, 1);
    }

    /** "Acme" with every field set to something other than its default. */
    static TenantCreated fullAcme() {
        return new TenantCreated(ID, "Acme", "acme", "acme.example.com", "Europe/Berlin", 50, acmeSettings(),
                ACME_BRANDING, ACME_PROFILE, "partner-7", 1);
    }

    /** The PUT body that describes {@link #fullAcme()} exactly. */
    static Drafts fullAcmeDraft() {
        return draft("Acme").domain("acme.example.com").timezone("Europe/Berlin").maxExtensions(50)
                .settings(acmeSettings()).branding(ACME_BRANDING).profile(ACME_PROFILE).partnerId("partner-7");
    }

    static Map<String, Object> acmeSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mfa_required", true);
        settings.put("theme", "dark");
        return settings;
    }

    /** Claims as they stand after the given tenant was created: its slug and domain are held by it. */
    static InMemoryTenantClaims claimsOf(InMemoryTenantClaims claims, TenantCreated created) {
        claims.heldBy(TenantClaims.Kind.SLUG, created.slug(), created.tenantId());
        if (created.domain() != null) {
            claims.heldBy(TenantClaims.Kind.DOMAIN, created.domain(), created.tenantId());
        }
        return claims;
    }
}
