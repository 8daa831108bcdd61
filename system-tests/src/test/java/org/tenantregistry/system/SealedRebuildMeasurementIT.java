package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * A measurement, not a test: how fast a projection is rebuilt from a topic whose tenants have sealed personal fields,
 * every one of which needs its tenant's key from the command side. It asserts nothing about speed and runs only when
 * asked: {@code -Dit.test=SealedRebuildMeasurementIT -Derasure.measure=true} ({@code -Derasure.measure.tenants=N}),
 * with {@code -Dsystem.query-side.arguments=--tenant-registry.event-keys.cache-ttl=2s} so that the keys the live
 * projections fetched are gone when the rebuild starts, as after any pause longer than the cache keeps them.
 */
@ExtendWith(SharedSystem.class)
@EnabledIfSystemProperty(named = "erasure.measure", matches = "true")
class SealedRebuildMeasurementIT {

    private static RunningSystem system;

    @BeforeAll
    static void useTheWholeRegistry(RunningSystem shared) {
        system = shared;
    }

    @Test
    void measuresARebuildOfTenantsWithSealedFields() throws Exception {
        int tenants = Integer.getInteger("erasure.measure.tenants", 3000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            Http commands = system.client(system.commandSide);
            List<Future<Integer>> created = IntStream.range(0, tenants).mapToObj(i -> clients.submit(() ->
                    commands.send("POST", "/api/tenants", """
                            {"name": "Sealed %d", "partner_id": "sealed-%s", "address": "Street %d", "city": "City",
                             "post_code": "%05d"}""".formatted(i, run, i, i)).status())).toList();
            for (Future<Integer> status : created) {
                if (status.get() != 201) {
                    throw new AssertionError("a create answered " + status.get());
                }
            }
        } finally {
            clients.shutdown();
        }
        Http queries = system.client(system.querySide);
        await().atMost(Duration.ofMinutes(10)).until(() ->
                queries.get("/api/tenants/count?partner_id=sealed-" + run).body().path("count").asLong() == tenants);

        long start = System.nanoTime();
        queries.send("POST", "/api/admin/projections/tenants/rebuild", null);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> !"running".equals(
                queries.get("/api/admin/projections/tenants/rebuild").body().path("state").asString()));
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode ended = queries.get("/api/admin/projections/tenants/rebuild").body();
        System.out.printf("ERASURE MEASUREMENT: rebuild of tenants (%s) over %d records, %d of them new tenants with "
                        + "sealed fields: %.1f s, %.0f records/s%n", ended.path("state").asString(),
                ended.path("events_total").asLong(), tenants, seconds, ended.path("events_total").asLong() / seconds);
    }
}
