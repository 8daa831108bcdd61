package org.tenantregistry.command.tenant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.TenantBrandingChanged;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantStatus;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.tenantregistry.command.tenant.TenantMatchers.illegalTransitionFrom;
import static org.tenantregistry.command.tenant.TenantMatchers.invalidFields;
import static org.tenantregistry.command.tenant.Tenants.ID;
import static org.tenantregistry.command.tenant.Tenants.claimsOf;
import static org.tenantregistry.command.tenant.Tenants.plainAcme;

/** A client admin's ChangeSettings (seed 003): a merge patch of the settings and branding fields, and of no other. */
class TenantSettingsTest {

    private final InMemoryTenantClaims claims = new InMemoryTenantClaims();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryTenantNumbers());
    }

    private static ChangeSettings change(Object... keysAndValues) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            patch.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ChangeSettings(ID, null, patch);
    }

    @Test
    void seed003sSettingsRenameAndRebrandTheTenant() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(change("name", "Acme Corp", "currency", "USD", "logo_url", "https://acme.com/logo.png",
                        "accent_color", "#3b82f6"))
                .expectEvents(new TenantRenamed(ID, "Acme", "Acme Corp"),
                        new TenantBrandingChanged(ID, new Branding("https://acme.com/logo.png", "#3B82F6", "USD")));
    }

    @Test
    void aFieldThatIsNoSettingIsRefusedWithTheSettingsOwnFaultsAndNothingChanges() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(change("slug", "other", "max_extensions", 5, "accent_color", "blue", "name", "Acme Corp"))
                .expectNoEvents()
                .expectException(invalidFields("slug", "max_extensions", "accent_color"));
    }

    @Test
    void aDeletedTenantsSettingsCannotChange() {
        fixture.given(plainAcme(), new TenantDeleted(ID, TenantStatus.ACTIVE))
                .when(change("name", "Acme Corp"))
                .expectNoEvents()
                .expectException(illegalTransitionFrom(TenantStatus.DELETED));
    }
}
