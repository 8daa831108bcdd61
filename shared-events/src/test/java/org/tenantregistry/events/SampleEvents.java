package org.tenantregistry.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One realistic instance of every event type, in an order a tenant's stream could have (the purge last); the golden
 * JSON files pin how each looks on the wire.
 */
public final class SampleEvents {

    public static final UUID TENANT_ID = UUID.fromString("6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20");

    public static final UUID RESOURCE_ID = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    public static final UUID DOMAIN_ID = UUID.fromString("3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98");

    private static final DnsCheck FAILED_CHECK = new DnsCheck("acme-gmbh.tenants.example.net",
            List.of("acme.other-host.example"), "_tenant-registry.assets.acme.example.com", List.of(),
            DnsCheckOutcome.WRONG_TARGET,
            "assets.acme.example.com is a CNAME for acme.other-host.example, not for acme-gmbh.tenants.example.net");

    public static final List<TenantEvent> ALL = List.of(
            new TenantCreated(TENANT_ID, "Acme Telecom", "acme", "acme.example.com", "Europe/Berlin", 50,
                    Map.of("mfa_required", true),
                    new Branding("https://cdn.example.com/acme.png", "#1A2B3C", "EUR"),
                    new Profile("Regional carrier", "Hauptstrasse 1", "Berlin", "10115", "DE"),
                    "partner-17", 1042),
            new TenantRenamed(TENANT_ID, "Acme Telecom", "Acme Telecom GmbH"),
            new TenantSlugChanged(TENANT_ID, "acme", "acme-gmbh"),
            new TenantDomainChanged(TENANT_ID, "acme.example.com", "acme.example.org"),
            new TenantTimezoneChanged(TENANT_ID, "Europe/Berlin", "UTC"),
            new TenantMaxExtensionsChanged(TENANT_ID, 50, 100),
            new TenantSettingsChanged(TENANT_ID, Map.of("mfa_required", false, "session_timeout", 30)),
            new TenantBrandingChanged(TENANT_ID, new Branding(null, "#FFFFFF", "USD")),
            new TenantProfileChanged(TENANT_ID, new Profile("Carrier", null, "Vienna", "1010", "AT")),
            new TenantPartnerChanged(TENANT_ID, "partner-17", null),
            new ExtensionRegistered(TENANT_ID, RESOURCE_ID, "100", "Reception"),
            new ExtensionReleased(TENANT_ID, RESOURCE_ID),
            new DidRegistered(TENANT_ID, RESOURCE_ID, "+4930123456"),
            new DidReleased(TENANT_ID, RESOURCE_ID),
            new QueueRegistered(TENANT_ID, RESOURCE_ID, "Support", "roundrobin"),
            new QueueReleased(TENANT_ID, RESOURCE_ID),
            new RateRegistered(TENANT_ID, RESOURCE_ID, "4930", new BigDecimal("0.0125"), "EUR"),
            new RateReleased(TENANT_ID, RESOURCE_ID),
            new UserAdded(TENANT_ID, RESOURCE_ID, "jane@acme.example.com", MemberStatus.ACTIVE),
            new UserRemoved(TENANT_ID, RESOURCE_ID),
            new CustomDomainAdded(TENANT_ID, DOMAIN_ID, "assets.acme.example.com", "trv-4f9c2e7a1b3d5f60",
                    Instant.parse("2026-12-09T09:30:00Z")),
            new CustomDomainVerificationFailed(TENANT_ID, DOMAIN_ID, "assets.acme.example.com", FAILED_CHECK, 1),
            new CustomDomainTokenRenewed(TENANT_ID, DOMAIN_ID, "assets.acme.example.com", "trv-8a1d3c5e7f9b2d40",
                    Instant.parse("2026-12-16T09:30:00Z")),
            new CustomDomainVerified(TENANT_ID, DOMAIN_ID, "assets.acme.example.com",
                    new DnsCheck("acme-gmbh.tenants.example.net", List.of("acme-gmbh.tenants.example.net"),
                            "_tenant-registry.assets.acme.example.com", List.of(), DnsCheckOutcome.VERIFIED,
                            "assets.acme.example.com is a CNAME for acme-gmbh.tenants.example.net")),
            new PrimaryDomainChanged(TENANT_ID, DOMAIN_ID, "acme.example.org", "assets.acme.example.com"),
            new CustomDomainVerificationLost(TENANT_ID, DOMAIN_ID, "assets.acme.example.com", 3,
                    "trv-2b4d6f8a0c1e3a50", Instant.parse("2026-12-23T09:30:00Z")),
            new CustomDomainRemoved(TENANT_ID, DOMAIN_ID, "assets.acme.example.com"),
            new TenantSuspended(TENANT_ID, "invoice 2026-11 unpaid"),
            new TenantReactivated(TENANT_ID),
            new TenantDeactivated(TENANT_ID, MemberStatus.BANNED),
            new TenantActivated(TENANT_ID),
            new TenantDeleted(TENANT_ID, TenantStatus.ACTIVE),
            new TenantRestored(TENANT_ID, TenantStatus.ACTIVE),
            new TenantPurged(TENANT_ID));

    private SampleEvents() {
    }
}
