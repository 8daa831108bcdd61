package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry scaled out: two command-side instances on one event store, two query-side instances on one read
 * database and one consumer group per projection, one broker. Many clients write through both command sides at once,
 * some tenants changed through the instance that did not create them; every event must reach the topic at least
 * once and in order per tenant, and the shared read models must equal what a query side of its own (its database,
 * its consumer groups) builds from the topic's start.
 */
@ExtendWith(SharedSystem.class)
class ScaledOutRegistryIT {

    private static final int TENANTS = 10_000;
    private static final int CLIENTS = 16;
    /** Every this many tenants is changed twice more, first through the other command side: three events. */
    private static final int CHANGED_EVERY = 20;
    private static final String PARTNER = "msp-scale-out";
    /** Bounds, not speeds: far beyond what the slowest publisher and projections so far need on a loaded machine. */
    private static final Duration PUBLISHED_WITHIN = Duration.ofMinutes(15);
    private static final Duration PROJECTED_WITHIN = Duration.ofMinutes(10);

    private static RunningSystem system;

    @BeforeAll
    static void useTheScaledOutRegistry(RunningSystem shared) {
        system = shared;
        assertThat(system.commandSides()).hasSize(2);
        assertThat(system.querySides()).hasSize(2);
    }

    @Test
    void tenantsWrittenThroughTwoCommandSidesReachTheTopicInOrderAndTwoQuerySidesAsARebuildDoes() throws Exception {
        // Started with the writes, so that its start and its reading overlap them; it reads the topic from the start.
        try (RunningSystem.RebuildingQuerySide rebuild = system.startRebuildingQuerySide("tenant_query_rebuild")) {
            Map<String, Integer> eventsByTenant = createAndChangeTenantsThroughBothCommandSides();

            everyEventIsOnTheTopicInOrderPerTenant(eventsByTenant);
            bothQuerySidesShowEveryTenant(eventsByTenant);
            theSharedReadModelsEqualTheRebuiltOnes(rebuild);
        }
    }

    /** Tenant i through command side i % 2; a changed one then through the other side, and back. */
    private static Map<String, Integer> createAndChangeTenantsThroughBothCommandSides() throws Exception {
        List<Http> commandSides = system.commandSides().stream().map(system::client).toList();
        Map<String, Integer> eventsByTenant = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                int tenant = i;
                writes.add(clients.submit(() -> {
                    Http creator = commandSides.get(tenant % 2);
                    Http other = commandSides.get((tenant + 1) % 2);
                    Http.Answer created = creator.send("POST", "/api/tenants", """
                            {"name": "Scaled Out %05d", "partner_id": "%s"}""".formatted(tenant, PARTNER));
                    assertThat(created.status()).as("create %d: %s", tenant, created.raw().body()).isEqualTo(201);
                    String id = created.body().path("data").path("id").asString();
                    if (tenant % CHANGED_EVERY != 0) {
                        eventsByTenant.put(id, 1);
                        return;
                    }
                    Http.Answer patched = other.send("PATCH", "/api/tenants/" + id, """
                            {"max_extensions": 7}""");
                    assertThat(patched.status()).as("patch %s: %s", id, patched.raw().body()).isEqualTo(200);
                    Http.Answer suspended = creator.send("PUT", "/api/tenants/" + id + "/suspend", """
                            {"reason": "scale-out drill"}""");
                    assertThat(suspended.status()).as("suspend %s: %s", id, suspended.raw().body())
                            .isEqualTo(200);
                    assertThat(suspended.body().path("data").path("version").asLong()).isEqualTo(3);
                    eventsByTenant.put(id, 3);
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(eventsByTenant).hasSize(TENANTS);
        return eventsByTenant;
    }

    /**
     * Per tenant, what a downstream consumer deduplicating by sequence sees: each of the tenant's sequences, and each
     * for the first time after the one before it. A record sent again later (at least once) is no reordering.
     */
    private static void everyEventIsOnTheTopicInOrderPerTenant(Map<String, Integer> eventsByTenant) {
        try (TopicRecords topic = new TopicRecords(system.kafkaBootstrapServers())) {
            AtomicReference<Map<String, List<Long>>> seen = new AtomicReference<>(Map.of());
            await("every event of the " + TENANTS + " tenants on the topic").atMost(PUBLISHED_WITHIN)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        seen.set(topic.sequencesByTenant());
                        return eventsByTenant.entrySet().stream().allMatch(tenant ->
                                seen.get().getOrDefault(tenant.getKey(), List.of()).stream().distinct().count()
                                        >= tenant.getValue());
                    });
            Map<String, List<Long>> outOfOrder = new TreeMap<>();
            eventsByTenant.forEach((tenant, events) -> {
                List<Long> firstAppearances = seen.get().get(tenant).stream().distinct().toList();
                if (!firstAppearances.equals(LongStream.range(0, events).boxed().toList())) {
                    outOfOrder.put(tenant, seen.get().get(tenant));
                }
            });
            assertThat(outOfOrder).as("tenants whose sequences on the topic are not 0..n-1 in order").isEmpty();
        }
    }

    /** Each query side answers for all of them, also where the other instance applied the events. */
    private static void bothQuerySidesShowEveryTenant(Map<String, Integer> eventsByTenant) {
        List<Http> querySides = system.querySides().stream().map(system::client).toList();
        for (Http querySide : querySides) {
            await("all tenants of " + PARTNER + " counted").atMost(PROJECTED_WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(querySide, "partner_id=" + PARTNER), count -> count == TENANTS);
            assertThat(count(querySide, "partner_id=" + PARTNER + "&status=suspended"))
                    .isEqualTo(TENANTS / CHANGED_EVERY);
        }
        int asked = 0;
        for (var tenant : eventsByTenant.entrySet()) {
            if (tenant.getValue() == 3) {
                Http querySide = querySides.get(asked++ % querySides.size());
                Http.Answer answer = querySide.get("/api/tenants/" + tenant.getKey() + "?min_version="
                        + tenant.getKey() + ":3");
                assertThat(answer.status()).as(tenant.getKey()).isEqualTo(200);
                assertThat(answer.body().path("data").path("status").asString()).isEqualTo("suspended");
                assertThat(answer.body().path("data").path("max_extensions").asInt()).isEqualTo(7);
            }
        }
    }

    /**
     * A third query side, on a database of its own with consumer groups of its own, reads the topic from its start;
     * once it has caught up, its tables hold what the two instances' shared ones hold, row for row, and it answers the
     * partner's dashboard as they do.
     */
    private static void theSharedReadModelsEqualTheRebuiltOnes(RunningSystem.RebuildingQuerySide rebuild) {
        system.awaitHealthy(List.of(rebuild.uri()));
        String shared = system.jdbcUrl(RunningSystem.QUERY_DATABASE);
        await("the rebuilt read models equal the shared ones").atMost(PROJECTED_WITHIN)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(ReadModelTables.snapshot(rebuild.jdbcUrl(), system.databaseUser()))
                        .isEqualTo(ReadModelTables.snapshot(shared, system.databaseUser())));
        JsonNode rebuilt = dashboard(rebuild.uri());
        assertThat(rebuilt.path("total_tenants").asLong()).isEqualTo(TENANTS);
        for (URI querySide : system.querySides()) {
            assertThat(dashboard(querySide)).as("dashboard of " + querySide).isEqualTo(rebuilt);
        }
    }

    private static long count(Http querySide, String filters) {
        Http.Answer answer = querySide.get("/api/tenants/count?" + filters);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().path("count").asLong();
    }

    private static JsonNode dashboard(URI querySide) {
        Http.Answer answer = system.client(querySide).get("/api/dashboard/msp?partner_id=" + PARTNER);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
