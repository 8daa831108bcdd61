package org.tenantregistry.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures, not assertions on speed: how fast the whole registry takes writes, how soon a write is readable on the
 * query side, and how fast it searches. Run it with {@code ./mvnw -B -Pbenchmark -pl system-tests -am verify}; the
 * normal build leaves it out. The figures depend on the machine; compare runs on the same one.
 */
class TenantRegistryBenchmark {

    private static final int WARM_UP = 200;
    private static final int CREATES = 2_000;
    private static final int CLIENTS = 8;
    private static final int READ_YOUR_WRITES_SAMPLES = 200;
    private static final int SEARCHES = 500;

    private static RunningSystem system;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
        commands = new Http(system.commandSide);
        queries = new Http(system.querySide);
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void measure() throws Exception {
        createTenants("warm-up", WARM_UP);

        long started = System.nanoTime();
        List<Long> createNanos = createTenants("bench", CREATES);
        double seconds = (System.nanoTime() - started) / 1e9;
        report("create (POST /api/tenants, " + CLIENTS + " clients)", createNanos);
        System.out.printf("  throughput: %.0f tenants/s%n", CREATES / seconds);

        List<Long> visibleNanos = new ArrayList<>();
        for (int i = 0; i < READ_YOUR_WRITES_SAMPLES; i++) {
            long start = System.nanoTime();
            Http.Answer created = commands.send("POST", "/api/tenants", "{\"name\": \"Visible " + i + "\"}");
            String id = created.body().path("id").asString();
            Http.Answer read = queries.get("/api/tenants/" + id + "?min_version=" + id + ":1");
            assertThat(read.status()).isEqualTo(200);
            visibleNanos.add(System.nanoTime() - start);
        }
        report("write until readable (POST, then GET with min_version)", visibleNanos);

        List<Long> searchNanos = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            long start = System.nanoTime();
            assertThat(queries.get("/api/tenants?search=bench%20" + (i % 100) + "&per_page=20").status())
                    .isEqualTo(200);
            searchNanos.add(System.nanoTime() - start);
        }
        report("search (GET /api/tenants?search=..., " + (WARM_UP + CREATES + READ_YOUR_WRITES_SAMPLES)
                + " tenants)", searchNanos);
    }

    private static List<Long> createTenants(String prefix, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = "{\"name\": \"" + prefix + " " + i + "\", \"partner_id\": \"msp-" + (i % 10) + "\"}";
                results.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    assertThat(commands.send("POST", "/api/tenants", body).status()).isEqualTo(201);
                    return System.nanoTime() - start;
                }));
            }
            List<Long> nanos = new ArrayList<>();
            for (Future<Long> result : results) {
                nanos.add(result.get());
            }
            return nanos;
        } finally {
            clients.shutdown();
        }
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
