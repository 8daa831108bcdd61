package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 ({@code ../shared/seeds/002_*.txt}), LaraCopilot's tenants: its create exactly as written (PHP's
 * {@code "settings": []} included), its retrieve by numeric id, and {@code max_extensions} as the hard cap it
 * describes: raised at any time through PUT, and new extension registrations refused once it is reached.
 */
@ExtendWith(SharedSystem.class)
class Seed002LaraCopilotTenantsIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static Http registry;

    @BeforeAll
    static void callTheRegistryThroughItsOneBaseUrl(RunningSystem system) {
        registry = system.client(system.baseUrl);
    }

    @Test
    void theCreateAsWrittenIsTakenAndTheTenantIsRetrievedByItsNumber() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {
                    "name": "Acme Corp",
                    "slug": "acme-corp",
                    "domain": "acme.example.com",
                    "status": "active",
                    "timezone": "America/New_York",
                    "max_extensions": 50,
                    "settings": []
                  }""", JSON);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode tenant = created.body().path("data");
        assertThat(tenant.path("settings").isObject()).as("PHP's empty array is an empty map").isTrue();
        assertThat(tenant.path("settings").isEmpty()).isTrue();
        int number = tenant.path("number").asInt();
        assertThat(number).isPositive();

        JsonNode retrieved = Eventually.of(() -> {
            Http.Answer read = registry.get("/api/tenants/" + number);
            assertThat(read.status()).isEqualTo(200);
            return read.body().path("data");
        });
        assertThat(retrieved.path("id").asString()).isEqualTo(tenant.path("id").asString());
        assertThat(retrieved.path("slug").asString()).isEqualTo("acme-corp");
        assertThat(retrieved.path("timezone").asString()).isEqualTo("America/New_York");
        assertThat(retrieved.path("max_extensions").asInt()).isEqualTo(50);
    }

    @Test
    void extensionRegistrationsAreRefusedOnceTheCapIsReachedUntilItIsRaised() {
        Http.Answer created = registry.send("POST", "/api/tenants", """
                {"name": "Capped Calls", "slug": "capped-calls", "domain": "capped.example.com",
                 "status": "active", "timezone": "UTC", "max_extensions": 2, "settings": []}""", JSON);
        String number = created.body().path("data").path("number").asString();

        assertThat(register(number, "101").status()).isEqualTo(201);
        assertThat(register(number, "102").status()).isEqualTo(201);
        Http.Answer refused = register(number, "103");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("type").asString()).endsWith("quota-exceeded");
        assertThat(refused.body().path("limit").asInt()).isEqualTo(2);
        assertThat(refused.body().path("usage").asInt()).isEqualTo(2);

        Http.Answer raised = registry.send("PUT", "/api/tenants/" + number, """
                {"name": "Capped Calls", "slug": "capped-calls", "domain": "capped.example.com",
                 "status": "active", "timezone": "UTC", "max_extensions": 3, "settings": []}""", JSON);
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(200);
        assertThat(register(number, "103").status()).isEqualTo(201);

        JsonNode listed = Eventually.of(() -> {
            JsonNode data = registry.get("/api/tenants?search=capped-calls").body().path("data");
            assertThat(data.size()).isEqualTo(1);
            assertThat(data.get(0).path("extensions_count").asInt()).isEqualTo(3);
            return data.get(0);
        });
        assertThat(listed.path("max_extensions").asInt()).isEqualTo(3);
    }

    private static Http.Answer register(String tenantNumber, String extension) {
        return registry.send("POST", "/api/tenants/" + tenantNumber + "/extensions", """
                {"number": "%s", "name": "Desk %s"}""".formatted(extension, extension), JSON);
    }
}
