package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenantregistry.dns.LoopbackDnsServer;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003 ({@code ../shared/seeds/003_*.txt}), an MSP tool's tenants API: slugs as subdomains and branding fields,
 * {@code active} in writes, with a bearer token of the launcher's service client. A client admin's
 * {@code PUT /api/settings} needs a token bound to a tenant, which the launcher's issuer does not make: the command
 * side's {@code TenantSettingsIT} shows it. Custom domains are verified against the system's loopback DNS server,
 * and the public branding is read without a token, by {@code Host}, as a tenant's login page would.
 */
@ExtendWith(SharedSystem.class)
class Seed003MspTenantsApiIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static Http registry;
    private static Http publicPage;
    private static LoopbackDnsServer dns;

    @BeforeAll
    static void callTheRegistryThroughItsOneBaseUrl(RunningSystem system) {
        registry = system.client(system.baseUrl);
        publicPage = Http.anonymous(system.baseUrl);
        dns = system.dns;
    }

    @Test
    void createTakesTheBrandingFieldsAndAnswersTheCreatedTenant() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                { "name": "Acme Corp", "slug": "acme", "currency": "USD", "accent_color": "#3b82f6", \
                "logo_url": "https://acme.com/logo.png" }""", JSON);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode tenant = created.body().path("data");
        assertThat(tenant.path("slug").asString()).isEqualTo("acme");
        assertThat(tenant.path("currency").asString()).isEqualTo("USD");
        assertThat(tenant.path("accent_color").asString()).isEqualToIgnoringCase("#3b82f6");
        assertThat(tenant.path("logo_url").asString()).isEqualTo("https://acme.com/logo.png");
        assertThat(tenant.path("active").asBoolean(false)).isTrue();

        String id = tenant.path("id").asString();
        JsonNode listed = Eventually.of(() -> {
            JsonNode data = registry.get("/api/tenants?search=acme").body().path("data");
            JsonNode match = null;
            for (JsonNode entry : data) {
                if (entry.path("id").asString().equals(id)) {
                    match = entry;
                }
            }
            assertThat(match).as("acme in the list").isNotNull();
            return match;
        });
        assertThat(listed.path("name").asString()).isEqualTo("Acme Corp");
        assertThat(listed.path("active").asBoolean(false)).isTrue();

        JsonNode shown = Eventually.of(() -> {
            Http.Answer tenantRead = registry.get("/api/tenants/" + id);
            assertThat(tenantRead.status()).isEqualTo(200);
            return tenantRead.body().path("data");
        });
        assertThat(shown.path("accent_color").asString()).isEqualToIgnoringCase("#3b82f6");
    }

    @Test
    void updateChangesSlugBrandingAndActiveInOneRequest() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "Bolt Works", "slug": "bolt-works", "currency": "USD"}""", JSON);
        String id = created.body().path("data").path("id").asString();
        registry.send("PUT", "/api/tenants/" + id + "/suspend", """
                {"reason": "seed 003 reactivation"}""", JSON);

        Http.Answer updated = registry.send("PUT", "/api/tenants/" + id, """
                { "name": "Bolt Works Corporation", "slug": "bolt-works-corp", "currency": "CAD", \
                "accent_color": "#10b981", "logo_url": "https://bolt.example.com/new-logo.png", "active": true }""",
                JSON);

        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        JsonNode tenant = updated.body().path("data");
        assertThat(tenant.path("name").asString()).isEqualTo("Bolt Works Corporation");
        assertThat(tenant.path("slug").asString()).isEqualTo("bolt-works-corp");
        assertThat(tenant.path("currency").asString()).isEqualTo("CAD");
        assertThat(tenant.path("accent_color").asString()).isEqualToIgnoringCase("#10b981");
        assertThat(tenant.path("active").asBoolean(false)).isTrue();
        assertThat(tenant.path("status").asString()).isEqualTo("active");
    }

    @Test
    void deleteAnswers200() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "Crate Depot", "slug": "crate-depot"}""", JSON);
        String id = created.body().path("data").path("id").asString();

        Http.Answer deleted = registry.send("DELETE", "/api/tenants/" + id, null, Map.of());

        assertThat(deleted.status()).isEqualTo(200);
    }

    @Test
    void aCustomDomainIsAddedVerifiedByItsCnameListedAndAnswersTheBrandingByHost() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                { "name": "Domain Corp", "slug": "domain-corp", "currency": "USD", "accent_color": "#3b82f6", \
                "logo_url": "https://domaincorp.example/logo.png" }""", JSON);
        String id = created.body().path("data").path("id").asString();

        Http.Answer added = registry.send("POST", "/api/tenants/" + id + "/domains?domain=assets.domaincorp.example",
                null, Map.of());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        JsonNode domain = added.body().path("data");
        String did = domain.path("id").asString();
        assertThat(domain.path("status").asString()).isEqualTo("pending");
        assertThat(domain.path("records").get(0).path("value").asString()).isEqualTo("domain-corp.tenants.localhost");

        Http.Answer notYet = registry.send("PUT", "/api/tenants/" + id + "/domains/" + did + "/verify", null,
                Map.of());
        dns.cname("assets.domaincorp.example", "domain-corp.tenants.localhost");
        Http.Answer verified = registry.send("PUT", "/api/tenants/" + id + "/domains/" + did + "/verify", null,
                Map.of());

        assertThat(notYet.body().path("data").path("last_check").path("outcome").asString())
                .as(notYet.raw().body()).isEqualTo("nxdomain");
        assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
        assertThat(verified.body().path("data").path("status").asString()).isEqualTo("verified");
        JsonNode listed = Eventually.of(() -> {
            JsonNode domains = registry.get("/api/tenants/" + id + "/domains").body().path("data");
            assertThat(domains).hasSize(1);
            assertThat(domains.get(0).path("status").asString()).isEqualTo("verified");
            return domains.get(0);
        });
        assertThat(listed.path("domain").asString()).isEqualTo("assets.domaincorp.example");

        for (String host : new String[] {"assets.domaincorp.example", "domain-corp.tenants.localhost"}) {
            JsonNode branding = Eventually.of(() -> {
                Http.Answer answer = publicPage.send("GET", "/api/public/branding", null, Map.of("Host", host));
                assertThat(answer.status()).as(host + ": " + answer.raw().body()).isEqualTo(200);
                return answer.body();
            });
            assertThat(branding.path("name").asString()).isEqualTo("Domain Corp");
            assertThat(branding.path("logo_url").asString()).isEqualTo("https://domaincorp.example/logo.png");
            assertThat(branding.path("accent_color").asString()).isEqualToIgnoringCase("#3b82f6");
            assertThat(branding.path("is_tenant").asBoolean(false)).isTrue();
        }
        Http.Answer platform = publicPage.send("GET", "/api/public/branding", null,
                Map.of("Host", "tenants.localhost"));
        assertThat(platform.status()).isEqualTo(200);
        assertThat(platform.body().path("is_tenant").asBoolean(true)).isFalse();

        Http.Answer removed = registry.send("DELETE", "/api/tenants/" + id + "/domains/" + did, null, Map.of());
        assertThat(removed.status()).as(removed.raw().body()).isEqualTo(200);
        Eventually.of(() -> {
            Http.Answer answer = publicPage.send("GET", "/api/public/branding", null,
                    Map.of("Host", "assets.domaincorp.example"));
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(404);
            return answer;
        });
    }
}
