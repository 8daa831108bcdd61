package org.tenantregistry.events;

import java.math.BigDecimal;
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
