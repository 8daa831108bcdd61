package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001 ({@code ../shared/seeds/001_*.txt}), a generic tenants API whose {@code [[BaseUrl]]} is the registry's
 * {@code /api}: paged lists with links and meta, count, profile fields with ISO countries, Laravel's 422, deactivation
 * and activation with {@code user_status}. Its rate limit and "switch tenant" belong to the security issue.
 */
@ExtendWith(SharedSystem.class)
class Seed001GenericTenantsApiIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static Http registry;

    @BeforeAll
    static void callTheRegistryThroughItsOneBaseUrl(RunningSystem system) {
        registry = system.client(system.baseUrl);
    }

    @Test
    void createTakesTheProfileFieldsAndAnswersThemWithTheCountryName() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "Company Seed One", "country_code": "US", "city": "New York",
                 "address": "115 East 23rd Street 5th Floor", "post_code": "10010", "description": "New York"}""",
                JSON);

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.body().path("data");
        assertThat(data.path("id").asString()).isNotBlank();
        assertThat(data.path("name").asString()).isEqualTo("Company Seed One");
        assertThat(data.path("address").asString()).isEqualTo("115 East 23rd Street 5th Floor");
        assertThat(data.path("city").asString()).isEqualTo("New York");
        assertThat(data.path("post_code").asString()).isEqualTo("10010");
        assertThat(data.path("country_code").asString()).isEqualTo("US");
        assertThat(data.path("country_name").asString()).isEqualTo("United States");
        assertThat(data.path("description").asString()).isEqualTo("New York");
        assertThat(data.path("is_trashed").asBoolean(true)).isFalse();
    }

    @Test
    void anInvalidCreateAnswersLaravelsMessageAndEveryFieldsErrors() {
        Http.Answer refused = registry.send("POST", "/api/tenants", """
                {"country_code": "USA", "city": "New York"}""", JSON);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("message").asString()).isEqualTo("The given data was invalid.");
        assertThat(refused.body().path("errors").path("name").get(0).asString())
                .isEqualTo("The name field is required.");
        assertThat(refused.body().path("errors").path("country_code").get(0).asString())
                .isEqualTo("The country code field is invalid. It must be ISO 3166-1 alpha-2 country code.");
    }

    @Test
    void theListFiltersByFullNameAndDescriptionAndPagesWithLinksAndMeta() {
        String id = create("Lighthouse Seed One", "Harbour pilots of Bergen");
        create("Lighthouse Seed One Annex", "Harbour pilots annex");

        JsonNode page = Eventually.of(() -> {
            Http.Answer list = registry.get("/api/tenants?name=lighthouse%20seed%20one&page=1&per_page=10");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().path("data").size()).isEqualTo(1);
            return list.body();
        });
        assertThat(page.path("data").get(0).path("id").asString()).isEqualTo(id);
        assertThat(page.path("links").path("first").asString()).contains("/api/tenants?").contains("page=1");
        assertThat(page.path("links").has("next")).isTrue();
        assertThat(page.path("meta").path("current_page").asInt()).isEqualTo(1);
        assertThat(page.path("meta").path("per_page").asInt()).isEqualTo(10);
        assertThat(page.path("meta").path("from").asInt()).isEqualTo(1);
        assertThat(page.path("meta").path("to").asInt()).isEqualTo(1);
        assertThat(page.path("meta").path("path").asString()).endsWith("/api/tenants");

        JsonNode described = registry.get("/api/tenants?description=pilots%20of%20bergen").body().path("data");
        assertThat(described.size()).isEqualTo(1);
        assertThat(described.get(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void countHonoursTheSameFilters() {
        create("Beacon Seed One", "Lamp keepers of Oslo");
        create("Beacon Seed One Two", "Lamp keepers of Oslo too");

        Eventually.of(() -> {
            assertThat(registry.get("/api/tenants/count?description=lamp%20keepers%20of%20oslo")
                    .body().path("count").asInt()).isEqualTo(2);
            assertThat(registry.get("/api/tenants/count?name=BEACON%20SEED%20ONE").body().path("count").asInt())
                    .isEqualTo(1);
            return null;
        });
    }

    @Test
    void moreThanAHundredPerPageIsRefused() {
        Http.Answer refused = registry.get("/api/tenants?per_page=101");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").path("per_page").isArray()).isTrue();
    }

    @Test
    void updateChangesTheProfile() {
        String id = create("Fjord Seed One", "Ferries");

        Http.Answer updated = registry.send("PUT", "/api/tenants/" + id, """
                {"name": "Fjord Seed One AS", "country_code": "NO", "city": "Bergen",
                 "address": "Bryggen 1", "post_code": "5003", "description": "Ferries and fjords"}""", JSON);

        assertThat(updated.status()).isEqualTo(200);
        JsonNode data = updated.body().path("data");
        assertThat(data.path("name").asString()).isEqualTo("Fjord Seed One AS");
        assertThat(data.path("city").asString()).isEqualTo("Bergen");
        assertThat(data.path("country_name").asString()).isEqualTo("Norway");
    }

    @Test
    void deactivateTrashesTheTenantAndActivateBringsItBack() {
        String id = create("Glacier Seed One", "Ice");

        Http.Answer deactivated = registry.send("PUT", "/api/tenants/" + id + "/deactivate", """
                {"user_status": 0}""", JSON);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().path("is_trashed").asBoolean(false)).isTrue();
        theListSaysTrashed("glacier%20seed%20one", true);

        Http.Answer activated = registry.send("PUT", "/api/tenants/" + id + "/activate", """
                {"user_status": 1}""", JSON);
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.body().path("is_trashed").asBoolean(true)).isFalse();
        theListSaysTrashed("glacier%20seed%20one", false);
    }

    @Test
    void aCreateMovesTheApiUserToTheNewTenantAndSwitchMovesItBack() {
        String first = create("Switch Seed One", "Before");
        String second = create("Switch Seed One Two", "After");
        assertThat(registry.get("/api/me").body().path("data").path("current_tenant_id").asString()).isEqualTo(second);

        Http.Answer switched = registry.send("PUT", "/api/tenants/" + first + "/switch", null, Map.of());

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.body().path("success").asBoolean(false)).isTrue();
        assertThat(registry.get("/api/me").body().path("data").path("current_tenant_id").asString()).isEqualTo(first);
    }

    private static void theListSaysTrashed(String name, boolean trashed) {
        Eventually.of(() -> {
            JsonNode listed = registry.get("/api/tenants?name=" + name).body().path("data");
            assertThat(listed.size()).isEqualTo(1);
            assertThat(listed.get(0).path("is_trashed").asBoolean(!trashed)).isEqualTo(trashed);
            return listed;
        });
    }

    private static String create(String name, String description) {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "%s", "country_code": "NO", "city": "Bergen", "description": "%s"}"""
                .formatted(name, description), JSON);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().path("data").path("id").asString();
    }
}
