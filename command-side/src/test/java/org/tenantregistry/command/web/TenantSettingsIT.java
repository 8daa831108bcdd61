package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003's PUT /api/settings: a client admin (a token bound to a tenant) changes its own tenant's branding and
 * settings, and nothing else of the registry.
 */
class TenantSettingsIT extends WebIntegrationTest {

    private static final String SEED_003_SETTINGS = """
            {"name": "Acme Corp", "currency": "USD", "logo_url": "https://acme.com/logo.png", "accent_color": "#3b82f6"}""";

    private String tenant() {
        return api.create("{\"name\": \"" + unique("Tenant") + "\", \"currency\": \"EUR\", \"partner_id\": \"p1\"}");
    }

    private Api clientAdmin(String subject, String tenant, String... scopes) {
        return Api.withToken(port, TestTokens.token().subject(subject).partner("p1").tenant(tenant).scopes(scopes)
                .sign());
    }

    @Test
    void aClientAdminChangesItsOwnTenantsSettingsAsSeed003Sends() {
        String own = tenant();
        String other = tenant();

        Api.Answer changed = clientAdmin("admin@acme.com", own, Scopes.SETTINGS_MANAGE)
                .send("PUT", "/api/settings", SEED_003_SETTINGS);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("message").asString()).isEqualTo("Settings updated successfully.");
        var data = changed.json().get("data");
        assertThat(data.get("id").asString()).isEqualTo(own);
        assertThat(data.get("name").asString()).isEqualTo("Acme Corp");
        assertThat(data.get("currency").asString()).isEqualTo("USD");
        assertThat(data.get("logo_url").asString()).isEqualTo("https://acme.com/logo.png");
        assertThat(data.get("accent_color").asString()).isEqualToIgnoringCase("#3b82f6");
        assertThat(changed.header("ETag")).isEqualTo("\"" + data.get("version").asLong() + "\"");
        assertThat(eventTypesOf(own)).contains("TenantRenamed", "TenantBrandingChanged");
        assertThat(eventsOf(own).get(eventsOf(own).size() - 1).getMetaData())
                .containsEntry("actor", "admin@acme.com");
        assertThat(eventTypesOf(other)).containsExactly("TenantCreated");
    }

    @Test
    void settingsMergeAndLeftOutFieldsStay() {
        String own = tenant();
        Api admin = clientAdmin(unique("client-admin"), own, Scopes.SETTINGS_MANAGE);
        admin.send("PUT", "/api/settings", "{\"settings\": {\"mfa_required\": true}}");

        Api.Answer changed = admin.send("PUT", "/api/settings", "{\"settings\": {\"session_timeout\": 30}}");

        assertThat(changed.status()).isEqualTo(200);
        var data = changed.json().get("data");
        assertThat(data.get("settings").get("mfa_required").asBoolean()).isTrue();
        assertThat(data.get("settings").get("session_timeout").asInt()).isEqualTo(30);
        assertThat(data.get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void invalidSettingsAreProblemsNamingEveryFieldAtOnceAndNothingIsWritten() {
        String own = tenant();

        Api.Answer refused = clientAdmin(unique("client-admin"), own, Scopes.SETTINGS_MANAGE)
                .send("PUT", "/api/settings", "{\"accent_color\": \"blue\", \"currency\": \"EURO\", \"slug\": \"x\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("slug", "accent_color", "currency");
        assertThat(eventTypesOf(own)).containsExactly("TenantCreated");
    }

    @Test
    void aCallerBoundToNoTenantIsRefusedSettings() {
        Api mspAdmin = Api.withToken(port, TestTokens.token().subject(unique("msp")).partner("p1")
                .scopes(Scopes.TENANTS_MANAGE, Scopes.SETTINGS_MANAGE).sign());

        Api.Answer refused = mspAdmin.send("PUT", "/api/settings", SEED_003_SETTINGS);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith(":tenant-bound-token-required");
    }

    @Test
    void settingsNeedTheSettingsScope() {
        String own = tenant();

        Api.Answer refused = clientAdmin(unique("client-admin"), own, Scopes.TENANTS_READ)
                .send("PUT", "/api/settings", SEED_003_SETTINGS);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(eventTypesOf(own)).containsExactly("TenantCreated");
    }

    @Test
    void aTenantBoundCallerCannotCreateATenantEvenWithTenantsWrite() {
        String own = tenant();
        String name = unique("Sneaky");
        Api clientAdmin = clientAdmin(unique("client-admin"), own, Scopes.SETTINGS_MANAGE, Scopes.TENANTS_WRITE,
                Scopes.TENANTS_MANAGE);

        Api.Answer refused = clientAdmin.post("{\"name\": \"" + name + "\"}",
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%TenantCreated' "
                        + "AND convert_from(payload, 'UTF8') LIKE :name")
                .param("name", "%" + name + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void aTenantBoundCallerCannotChangeEvenItsOwnTenantOutsideSettings() {
        String own = tenant();
        Api clientAdmin = clientAdmin(unique("client-admin"), own, Scopes.SETTINGS_MANAGE, Scopes.TENANTS_WRITE,
                Scopes.TENANTS_PURGE);

        assertThat(clientAdmin.send("PATCH", "/api/tenants/" + own, "{\"name\": \"Renamed\"}").status())
                .isEqualTo(403);
        assertThat(clientAdmin.send("PUT", "/api/tenants/" + own + "/suspend", "{\"reason\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(clientAdmin.send("DELETE", "/api/tenants/" + own + "?purge=true", (String) null).status())
                .isEqualTo(403);
        assertThat(clientAdmin.send("POST", "/api/tenants/" + own + "/extensions", "{\"number\": \"1001\"}").status())
                .isEqualTo(403);
        assertThat(eventTypesOf(own)).containsExactly("TenantCreated");
    }
}
