package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's quota demonstration on the whole registry: 50 clients register extensions at once, spread over both
 * command-side instances, against a tenant with 10 free; the ledger, its list and the dashboard then all say 10.
 */
@ExtendWith(SharedSystem.class)
class ResourceQuotaSystemIT {

    private static final int CLIENTS = 50;

    private static RunningSystem system;

    @BeforeAll
    static void useTheWholeRegistry(RunningSystem shared) {
        system = shared;
    }

    @Test
    void fiftyConcurrentRegistrationsOnTwoInstancesAgainstTenFreeGiveExactlyTenEverywhere() throws Exception {
        String partner = "msp-quota-" + UUID.randomUUID().toString().substring(0, 8);
        Http commands = system.checkedClient(system.commandSide);
        Http.Answer created = commands.send("POST", "/api/tenants", """
                {"name": "Quota Race", "partner_id": "%s", "max_extensions": 10}""".formatted(partner));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("data").path("id").asString();

        List<Http.Answer> answers = race(id);

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(10);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(CLIENTS - 10)
                .allSatisfy(answer -> assertThat(answer.body().path("type").asString()).endsWith("quota-exceeded"));
        long version = answers.stream().filter(answer -> answer.status() == 201)
                .mapToLong(answer -> answer.body().path("version").asLong()).max().orElseThrow();
        assertThat(version).isEqualTo(11);

        Http queries = system.checkedClient(system.querySide);
        String token = "?min_version=" + id + ":" + version;
        Http.Answer listed = queries.get("/api/tenants/" + id + "/extensions" + token);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("data").size()).isEqualTo(10);
        JsonNode counted = Eventually.of(() -> {
            JsonNode entries = queries.get("/api/tenants?partner_id=" + partner).body().path("data");
            assertThat(entries.size()).isEqualTo(1);
            assertThat(entries.get(0).path("extensions_count").asInt()).isEqualTo(10);
            return entries.get(0);
        });
        assertThat(queries.get("/api/tenants/" + id + token).body().path("data").path("extensions").size())
                .isEqualTo(10);
        assertThat(counted.path("max_extensions").asInt()).isEqualTo(10);
        JsonNode dashboard = queries.get("/api/dashboard/msp" + token + "&partner_id=" + partner).body();
        assertThat(dashboard.path("extensions").path("in_use").asLong()).isEqualTo(10);
        assertThat(dashboard.path("extensions").path("max_extensions").asLong()).isEqualTo(10);
    }

    /** Every client sends at once, half of them to each command-side instance. */
    private static List<Http.Answer> race(String tenantId) throws Exception {
        List<URI> instances = system.commandSides();
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Http.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Http client = system.client(instances.get(i % instances.size()));
                String body = "{\"number\": \"" + (200 + i) + "\", \"name\": \"Agent " + i + "\"}";
                futures.add(clients.submit(() -> {
                    start.await();
                    return client.send("POST", "/api/tenants/" + tenantId + "/extensions", body);
                }));
            }
            List<Http.Answer> answers = new ArrayList<>();
            for (Future<Http.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }
}
