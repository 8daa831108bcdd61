package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000 ({@code ../shared/seeds/000_*.txt}), a PBX's Laravel-style tenants API, as its clients call it: through the
 * one base URL, by numeric id, reading {@code message} and {@code data}, with the admin's session cookie from
 * {@code POST /api/admin/login} (and the XSRF token on writes, as its Laravel front end sends it).
 */
@ExtendWith(SharedSystem.class)
class Seed000PbxTenantsApiIT {

    private static Http registry;

    @BeforeAll
    static void callTheRegistryThroughItsOneBaseUrl(RunningSystem system) {
        registry = system.adminBrowser();
    }

    @Test
    void createAnswersTheNewRecordAndTheListShowsItWithItsRelationCounts() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "Seed Zero PBX", "slug": "seed-zero-pbx", "domain": "seed-zero.example.com",
                 "status": "active", "timezone": "America/Chicago", "max_extensions": 20,
                 "settings": {"recording": "on"}}""", json());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("message").asString()).isEqualTo("Tenant created successfully.");
        JsonNode record = created.body().path("data");
        assertThat(record.path("name").asString()).isEqualTo("Seed Zero PBX");
        assertThat(record.path("slug").asString()).isEqualTo("seed-zero-pbx");
        assertThat(record.path("domain").asString()).isEqualTo("seed-zero.example.com");
        assertThat(record.path("status").asString()).isEqualTo("active");
        assertThat(record.path("timezone").asString()).isEqualTo("America/Chicago");
        assertThat(record.path("max_extensions").asInt()).isEqualTo(20);
        assertThat(record.path("settings").path("recording").asString()).isEqualTo("on");
        assertThat(record.path("number").isIntegralNumber()).as("a numeric id").isTrue();

        JsonNode listed = Eventually.of(() -> {
            Http.Answer list = registry.get("/api/tenants?search=SEED-ZERO");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().path("message").asString()).isEqualTo("Tenants fetched successfully.");
            return single(list.body().path("data"));
        });
        assertThat(listed.path("slug").asString()).isEqualTo("seed-zero-pbx");
        assertThat(listed.path("extensions_count").asInt()).isZero();
        assertThat(listed.path("dids_count").asInt()).isZero();
        assertThat(listed.path("queues_count").asInt()).isZero();
    }

    @Test
    void theListSearchesNameSlugAndDomainAndShowsTheNewestFirst() {
        String older = create("Harbour Voice", "harbour-voice", "calls.harbour.example.org");
        String newer = create("Quay Telephony", "quay-telephony", "quay.example.org");

        for (String term : List.of("harbour voice", "HARBOUR-VOICE", "calls.harbour")) {
            Eventually.of(() -> {
                JsonNode data = registry.get("/api/tenants?search=" + term.replace(" ", "%20")).body().path("data");
                assertThat(numbersIn(data)).as("search %s", term).containsExactly(older);
                return data;
            });
        }
        Eventually.of(() -> {
            JsonNode data = registry.get("/api/tenants?search=.example.org").body().path("data");
            assertThat(numbersIn(data)).containsSubsequence(newer, older);
            return data;
        });
    }

    @Test
    void showLoadsTheTenantByItsNumberWithItsRelations() {
        String number = create("Lantern Lines", "lantern-lines", "lantern.example.net");

        JsonNode shown = Eventually.of(() -> {
            Http.Answer tenant = registry.get("/api/tenants/" + number);
            assertThat(tenant.status()).isEqualTo(200);
            return tenant.body();
        });

        assertThat(shown.path("message").asString()).isEqualTo("Tenant loaded successfully.");
        JsonNode tenant = shown.path("data");
        assertThat(tenant.path("number").asString()).isEqualTo(number);
        for (String relation : List.of("extensions", "dids", "queues", "rates")) {
            assertThat(tenant.path(relation).isArray()).as(relation).isTrue();
        }
    }

    @Test
    void putReplacesTheTenantAndPatchUsesTheSameHandler() {
        String number = create("Meadow Phones", "meadow-phones", "meadow.example.net");

        Http.Answer replaced = registry.send("PUT", "/api/tenants/" + number, """
                {"name": "Meadow Phones Ltd", "slug": "meadow-phones", "domain": "meadow.example.net",
                 "status": "active", "timezone": "Europe/London", "max_extensions": 30, "settings": {}}""", json());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().path("message").asString()).isEqualTo("Tenant updated successfully.");
        assertThat(replaced.body().path("data").path("timezone").asString()).isEqualTo("Europe/London");

        Http.Answer patched = registry.send("PATCH", "/api/tenants/" + number, """
                {"name": "Meadow Phones Ltd", "slug": "meadow-phones", "domain": "meadow.example.net",
                 "status": "suspended", "timezone": "Europe/London", "max_extensions": 35}""", json());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("message").asString()).isEqualTo("Tenant updated successfully.");
        assertThat(patched.body().path("data").path("status").asString()).isEqualTo("suspended");
        assertThat(patched.body().path("data").path("max_extensions").asInt()).isEqualTo(35);
    }

    @Test
    void deleteAnswersItsMessageAndTheTenantLeavesTheList() {
        String number = create("Ember Dial", "ember-dial", "ember.example.net");

        Http.Answer deleted = registry.send("DELETE", "/api/tenants/" + number, null, Map.of());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("message").asString()).isEqualTo("Tenant deleted successfully.");
        Eventually.of(() -> {
            JsonNode data = registry.get("/api/tenants?search=ember-dial").body().path("data");
            assertThat(data.size()).isZero();
            return data;
        });
    }

    @Test
    void slugAndDomainMustBeUniqueAcrossTheRegistry() {
        create("Granite Calls", "granite-calls", "granite.example.net");

        Http.Answer sameSlug = registry.send("POST", "/api/tenants", """
                {"name": "Granite Two", "slug": "granite-calls", "domain": "granite-two.example.net",
                 "timezone": "UTC", "max_extensions": 5}""", json());
        Http.Answer sameDomain = registry.send("POST", "/api/tenants", """
                {"name": "Granite Three", "slug": "granite-three", "domain": "granite.example.net",
                 "timezone": "UTC", "max_extensions": 5}""", json());

        assertThat(sameSlug.status()).isEqualTo(409);
        assertThat(sameSlug.body().path("errors").path("slug").isArray()).isTrue();
        assertThat(sameDomain.status()).isEqualTo(409);
        assertThat(sameDomain.body().path("errors").path("domain").isArray()).isTrue();
    }

    /** Creates a tenant as the seed's create does and answers its number. */
    private static String create(String name, String slug, String domain) {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "%s", "slug": "%s", "domain": "%s", "status": "active", "timezone": "UTC",
                 "max_extensions": 10}""".formatted(name, slug, domain), json());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().path("data").path("number").asString();
    }

    private static List<String> numbersIn(JsonNode data) {
        List<String> numbers = new ArrayList<>();
        data.forEach(tenant -> numbers.add(tenant.path("number").asString()));
        return numbers;
    }

    private static JsonNode single(JsonNode data) {
        assertThat(data.size()).isEqualTo(1);
        return data.get(0);
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }
}
