package org.tenantregistry.command.web;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.command.tenant.Tenant;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Resources over real HTTP on the real event store: the quota under concurrency, the answers and the problems. */
class TenantResourcesIT extends WebIntegrationTest {

    private static final int CLIENTS = 50;

    @Autowired
    Serializer serializer;

    private String tenantWithMaxExtensions(int maxExtensions) {
        return api.create("{\"name\": \"Quota\", \"slug\": \"" + unique("quota") + "\", \"max_extensions\": "
                + maxExtensions + "}");
    }

    @Test
    void fiftyConcurrentRegistrationsAgainstTenFreeExtensionsGiveExactlyTenAndFortyQuotaExceeded() throws Exception {
        String tenant = tenantWithMaxExtensions(10);
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Api.Answer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String body = "{\"number\": \"" + (100 + i) + "\", \"name\": \"Desk " + i + "\"}";
                futures.add(clients.submit(() -> {
                    Api client = new Api(port);
                    start.await();
                    return client.send("POST", "/api/tenants/" + tenant + "/extensions", body);
                }));
            }
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get());
            }

            assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(10);
            assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(40)
                    .allSatisfy(answer -> {
                        assertThat(answer.json().get("type").asString()).endsWith("quota-exceeded");
                        assertThat(answer.json().get("limit").asInt()).isEqualTo(10);
                        assertThat(answer.json().get("usage").asInt()).isEqualTo(10);
                    });
        } finally {
            clients.shutdownNow();
        }
        assertThat(eventTypesOf(tenant)).filteredOn("ExtensionRegistered"::equals).hasSize(10);
    }

    @Test
    void aRegistrationAnswersTheResourceWithItsIdAndTheTenantsVersion() {
        String tenant = tenantWithMaxExtensions(5);

        Api.Answer answer = api.send("POST", "/api/tenants/" + tenant + "/extensions",
                "{\"number\": \"100\", \"name\": \"Reception\"}");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode json = answer.json();
        String id = json.get("data").get("id").asString();
        assertThat(json.get("message").asString()).isEqualTo("Extension registered successfully.");
        assertThat(json.get("data").get("tenant_id").asString()).isEqualTo(tenant);
        assertThat(json.get("data").get("number").asString()).isEqualTo("100");
        assertThat(json.get("data").get("name").asString()).isEqualTo("Reception");
        assertThat(json.get("version").asLong()).isEqualTo(2);
        assertThat(answer.header("ETag")).isEqualTo("\"2\"");
        assertThat(answer.header("Location")).isEqualTo("/api/tenants/" + tenant + "/extensions/" + id);
    }

    @Test
    void aReleaseAnswersItsMessageOrNothingWithPreferReturnMinimal() {
        String tenant = tenantWithMaxExtensions(5);
        String first = api.send("POST", "/api/tenants/" + tenant + "/queues", "{\"name\": \"Support\"}")
                .json().get("data").get("id").asString();
        String second = api.send("POST", "/api/tenants/" + tenant + "/queues", "{\"name\": \"Sales\"}")
                .json().get("data").get("id").asString();

        Api.Answer released = api.send("DELETE", "/api/tenants/" + tenant + "/queues/" + first, (String) null);
        Api.Answer minimal = api.send("DELETE", "/api/tenants/" + tenant + "/queues/" + second, (String) null,
                "Prefer", "return=minimal");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("message").asString()).isEqualTo("Queue released successfully.");
        assertThat(released.header("ETag")).isEqualTo("\"4\"");
        assertThat(minimal.status()).isEqualTo(204);
        assertThat(minimal.header("ETag")).isEqualTo("\"5\"");
        assertThat(api.send("DELETE", "/api/tenants/" + tenant + "/queues/" + first, (String) null).status())
                .isEqualTo(404);
    }

    @Test
    void invalidAttributesAreRefusedWithEveryFieldAndNothingIsWritten() {
        String tenant = tenantWithMaxExtensions(5);

        Api.Answer answer = api.send("POST", "/api/tenants/" + tenant + "/rates",
                "{\"prefix\": \"49x\", \"price\": -0.5, \"currency\": \"euro\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("prefix", "price", "currency");
        assertThat(eventTypesOf(tenant)).containsExactly("TenantCreated");
    }

    @Test
    void aDidNumberIsUniqueAcrossTenantsAndFreeForItsHolderAgainAfterARelease() {
        String did = "+49301" + (System.nanoTime() % 100_000_000L);
        String holder = tenantWithMaxExtensions(5);
        String other = tenantWithMaxExtensions(5);
        String body = "{\"number\": \"" + did + "\"}";

        Api.Answer first = api.send("POST", "/api/tenants/" + holder + "/dids", body);
        Api.Answer taken = api.send("POST", "/api/tenants/" + other + "/dids", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(taken.status()).isEqualTo(409);
        String id = first.json().get("data").get("id").asString();
        assertThat(api.send("DELETE", "/api/tenants/" + holder + "/dids/" + id, (String) null).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/tenants/" + holder + "/dids", body).status()).isEqualTo(201);
    }

    @Test
    void loweringMaxExtensionsBelowTheUsageAnswersQuotaExceeded() {
        String tenant = tenantWithMaxExtensions(5);
        api.send("POST", "/api/tenants/" + tenant + "/extensions", "{\"number\": \"100\"}");
        api.send("POST", "/api/tenants/" + tenant + "/extensions", "{\"number\": \"101\"}");

        Api.Answer answer = api.send("PATCH", "/api/tenants/" + tenant, "{\"max_extensions\": 1}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).endsWith("quota-exceeded");
        assertThat(answer.json().get("limit").asInt()).isEqualTo(1);
        assertThat(answer.json().get("usage").asInt()).isEqualTo(2);
    }

    @Test
    void aSuspendedTenantRegistersNothing() {
        String tenant = tenantWithMaxExtensions(5);
        api.send("PUT", "/api/tenants/" + tenant + "/suspend", "{\"reason\": \"unpaid\"}");

        Api.Answer answer = api.send("POST", "/api/tenants/" + tenant + "/users", "{\"email\": \"jane@example.com\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).endsWith("illegal-transition");
    }

    @Test
    void anUnknownKindOrTenantIsNotFound() {
        String tenant = tenantWithMaxExtensions(5);

        assertThat(api.send("POST", "/api/tenants/" + tenant + "/printers", "{}").status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/tenants/" + java.util.UUID.randomUUID() + "/users",
                "{\"email\": \"jane@example.com\"}").status()).isEqualTo(404);
    }

    /** The snapshot (every 50 events) carries the ledger: the tenant goes on counting after it. */
    @Test
    void theLedgerSurvivesASnapshot() {
        String tenant = tenantWithMaxExtensions(2);
        api.send("POST", "/api/tenants/" + tenant + "/extensions", "{\"number\": \"100\"}");
        for (int i = 0; i < 55; i++) {
            assertThat(api.send("POST", "/api/tenants/" + tenant + "/users",
                    "{\"email\": \"member" + i + "@example.com\"}").status()).isEqualTo(201);
        }
        Map<String, Object> snapshot = jdbc.sql("""
                        SELECT payload, payload_type, payload_revision FROM snapshot_event_entry
                         WHERE aggregate_identifier = ?""")
                .param(tenant).query().singleRow();
        byte[] payload = (byte[]) snapshot.get("payload");
        // Read back as the repository does: a snapshot it cannot read would be passed over with a warning only.
        assertThat(serializer.<byte[], Object>deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                (String) snapshot.get("payload_type"), (String) snapshot.get("payload_revision"))))
                .isInstanceOf(Tenant.class);
        assertThat(snapshot.get("payload_revision")).isEqualTo("3");
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("member0@example.com");

        assertThat(api.send("POST", "/api/tenants/" + tenant + "/extensions", "{\"number\": \"101\"}").status())
                .isEqualTo(201);
        assertThat(api.send("POST", "/api/tenants/" + tenant + "/extensions", "{\"number\": \"102\"}").status())
                .isEqualTo(409);
        assertThat(api.send("POST", "/api/tenants/" + tenant + "/users", "{\"email\": \"member0@example.com\"}")
                .status()).isEqualTo(409);
    }
}
