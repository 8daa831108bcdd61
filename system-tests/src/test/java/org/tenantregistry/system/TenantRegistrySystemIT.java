package org.tenantregistry.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant's life through the command side's REST API, seen on the query side after each step. Every read names the
 * version the write answered with, so the query side waits for its projection instead of the test sleeping.
 */
class TenantRegistrySystemIT {

    private static RunningSystem system;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void startTheWholeRegistry() throws Exception {
        system = RunningSystem.start();
        commands = new Http(system.commandSide);
        queries = new Http(system.querySide);
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void tenantsChangedWhileKafkaIsDownReachTheTopicInOrderAndTheReadModelsOnceItIsBack() {
        system.stopKafka();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Http.Answer created = commands.send("POST", "/api/tenants", """
                        {"name": "Outage %d", "partner_id": "msp-outage"}""".formatted(i));
                assertThat(created.status()).as("commands succeed while Kafka is down").isEqualTo(201);
                String id = created.body().path("id").asString();
                assertThat(commands.send("PUT", "/api/tenants/" + id + "/suspend", """
                        {"reason": "outage drill"}""").body().path("version").asLong()).isEqualTo(2);
                ids.add(id);
            }
        } finally {
            system.startKafka();
        }

        try (TopicRecords topic = new TopicRecords(system.kafkaBootstrapServers())) {
            for (String id : ids) {
                await().atMost(Duration.ofMinutes(3)).until(() -> topic.sequencesOf(id).size() >= 2);
                assertThat(topic.sequencesOf(id)).containsExactly(0L, 1L);
            }
        }
        for (String id : ids) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                Http.Answer tenant = queries.get("/api/tenants/" + id + "?min_version=" + id + ":2");
                assertThat(tenant.status()).isEqualTo(200);
                assertThat(tenant.body().path("status").asString()).isEqualTo("suspended");
            });
        }
        assertThat(queries.get("/api/tenants/count?partner_id=msp-outage&status=suspended").body().path("count").asInt())
                .isEqualTo(ids.size());
    }

    @Test
    void everyChangeMadeThroughTheCommandSideShowsOnTheQuerySide() {
        Http.Answer created = commands.send("POST", "/api/tenants", """
                {"name": "Nordwind Telecom", "domain": "nordwind.example.com", "partner_id": "msp-e2e",
                 "max_extensions": 25, "profile": {"country_code": "NO", "description": "Fjord carrier"}}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        String token = id + ":" + created.body().path("version").asLong();

        JsonNode tenant = queries.get("/api/tenants/" + id + "?min_version=" + token).body();
        assertThat(tenant.path("name").asString()).isEqualTo("Nordwind Telecom");
        assertThat(tenant.path("slug").asString()).isEqualTo("nordwind-telecom");
        assertThat(tenant.path("status").asString()).isEqualTo("active");
        assertThat(queries.get("/api/tenants?search=FJORD&min_version=" + token).body().path("meta").path("total").asInt())
                .isEqualTo(1);
        assertThat(queries.get("/api/tenants/count?partner_id=msp-e2e&min_version=" + token).body().path("count").asInt())
                .isEqualTo(1);

        Http.Answer patched = commands.send("PATCH", "/api/tenants/" + id, """
                {"name": "Nordwind Telecom AS", "max_extensions": 40}""");
        assertThat(patched.status()).isEqualTo(200);
        token = id + ":" + patched.body().path("version").asLong();
        JsonNode afterPatch = queries.get("/api/tenants/" + id + "?min_version=" + token).body();
        assertThat(afterPatch.path("name").asString()).isEqualTo("Nordwind Telecom AS");
        assertThat(afterPatch.path("max_extensions").asInt()).isEqualTo(40);

        Http.Answer suspended = commands.send("PUT", "/api/tenants/" + id + "/suspend", """
                {"reason": "invoice overdue"}""");
        assertThat(suspended.status()).isEqualTo(200);
        token = id + ":" + suspended.body().path("version").asLong();
        assertThat(queries.get("/api/tenants?status=suspended&partner_id=msp-e2e&min_version=" + token)
                .body().path("data").get(0).path("id").asString()).isEqualTo(id);
        assertThat(queries.get("/api/tenants/count?status=suspended&partner_id=msp-e2e&min_version=" + token)
                .body().path("count").asInt()).isEqualTo(1);

        Http.Answer renamed = commands.send("PUT", "/api/tenants/" + id + "/slug", """
                {"slug": "nordwind"}""");
        assertThat(renamed.status()).isEqualTo(200);
        token = id + ":" + renamed.body().path("version").asLong();
        assertThat(queries.get("/api/tenants/by-slug/nordwind?min_version=" + token).body().path("id").asString())
                .isEqualTo(id);
        assertThat(queries.get("/api/tenants/by-slug/nordwind-telecom").status()).isEqualTo(404);
        assertThat(queries.get("/api/tenants/by-domain/NORDWIND.example.com").body().path("id").asString())
                .isEqualTo(id);

        JsonNode dashboard = queries.get("/api/dashboard/msp?partner_id=msp-e2e&min_version=" + token).body();
        assertThat(dashboard.path("total_tenants").asInt()).isEqualTo(1);
        assertThat(dashboard.path("by_status").path("suspended").asInt()).isEqualTo(1);
        assertThat(dashboard.path("extensions").path("max_extensions").asInt()).isEqualTo(40);

        Http.Answer deleted = commands.send("DELETE", "/api/tenants/" + id, null);
        assertThat(deleted.status()).isEqualTo(204);
        String deletedVersion = deleted.raw().headers().firstValue("ETag").orElseThrow().replace("\"", "");
        token = id + ":" + deletedVersion;
        assertThat(queries.get("/api/tenants/" + id + "?min_version=" + token).status()).isEqualTo(404);
        assertThat(queries.get("/api/tenants/" + id + "?include_deleted=true").body().path("status").asString())
                .isEqualTo("deleted");
        assertThat(queries.get("/api/tenants/count?partner_id=msp-e2e").body().path("count").asInt()).isZero();
        assertThat(queries.get("/api/dashboard/msp?partner_id=msp-e2e&min_version=" + token)
                .body().path("by_status").path("deleted").asInt()).isEqualTo(1);

        Http.Answer purged = commands.send("DELETE", "/api/tenants/" + id + "?purge=true", null);
        assertThat(purged.status()).isEqualTo(204);
        token = id + ":" + purged.raw().headers().firstValue("ETag").orElseThrow().replace("\"", "");
        assertThat(queries.get("/api/tenants/" + id + "?include_deleted=true&min_version=" + token).status())
                .isEqualTo(404);
        assertThat(commands.send("PUT", "/api/tenants/" + id + "/restore", null).status()).isEqualTo(404);
    }
}
