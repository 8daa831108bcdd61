package org.tenantregistry.benchmark;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark of issue 9, run by {@code ./mvnw -B -Pbenchmark verify} only: starts the local stack as
 * {@code ./mvnw spring-boot:run} does, measures every figure and its baseline in this one run, each workload for a
 * fixed time, and prints one table. It asserts nothing about speed: the figures are printed, met or not.
 *
 * <p>Order: the write workloads first (on a small database), then the million tenants, then the reads at that size.
 */
class RegistryBenchmark {

    private static final int TENANTS = Integer.getInteger("benchmark.tenants", 1_000_000);
    private static final Duration WRITE_WINDOW = Duration.ofSeconds(20);
    private static final Duration READ_WINDOW = Duration.ofSeconds(10);
    /**
     * Before the measured window of a service's first workload: on 2 cores the JIT compilers of the JVMs under load
     * (command side, query side, the broker's launcher, the CRUD service) take minutes to settle: with 5 s the first
     * runs measured the compilers, and after 45 s the registry still created a third fewer tenants per second than
     * after a few minutes (wrk, same stack).
     */
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 120));
    private static final Duration LOAD_BOUND = Duration.ofSeconds(Long.getLong("benchmark.load-bound-seconds", 900));

    private final ResultTable table = new ResultTable();
    private final List<String> memorySamples = new ArrayList<>();
    private final AtomicLong created = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private final long[] cpuAtStart = cpuTimes();
    private LocalStack stack;
    private ProcessMemory peak = new ProcessMemory(0, 0, 0);

    @Test
    void measuresEveryFigureOfIssue9AgainstItsBaseline() throws Exception {
        Path root = Path.of(System.getProperty("tenant-registry.root")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("tenant-registry-benchmark");
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
        progress("work folder " + work + " (launcher.log, crud-baseline.log, the stack's data)");
        progress("starting the local stack: ./mvnw -B spring-boot:run in " + root);
        stack = LocalStack.start(root, work.resolve("data"), work.resolve("launcher.log"), Duration.ofMinutes(10));
        try {
            run(root, work, loadAtStart);
        } finally {
            progress("stopping the local stack");
            stack.close();
        }
        String result = table.markdown();
        Files.writeString(root.resolve("benchmark/runner/target/benchmark-table.md"), result);
        System.out.println();
        System.out.println(result);
    }

    private void run(Path root, Path work, String loadAtStart) throws Exception {
        Duration ready = stack.startToReady();
        progress("ready after " + seconds(ready) + " s");
        sampleMemory("at ready");
        Postgres postgres = new Postgres(stack.postgresPort());
        String durability = "fsync=" + postgres.setting("fsync") + ", synchronous_commit="
                + postgres.setting("synchronous_commit");
        ServiceTokens tokens = new ServiceTokens(stack.dataDirectory, stack.commandSidePort);
        Http commands = new Http("http://localhost:" + stack.commandSidePort, tokens);
        Http queries = new Http("http://localhost:" + stack.querySidePort, tokens);
        try (Topic topic = new Topic("localhost:" + stack.kafkaPort)) {
            awaitTopic(topic);

            // 1, 2: the raw PostgreSQL limit and the CRUD service, then the registry's command side.
            progress("raw PostgreSQL, 16 JDBC clients (" + durability + ")");
            RawPostgresLimit raw = new RawPostgresLimit(postgres);
            ClosedLoop.Result raw16 = raw.run(16, Duration.ofSeconds(3), Duration.ofSeconds(15));
            progress("  " + raw16.summary());
            progress("raw PostgreSQL, 1 JDBC client");
            ClosedLoop.Result raw1 = raw.run(1, Duration.ofSeconds(2), Duration.ofSeconds(10));
            progress("  " + raw1.summary());

            progress("CRUD baseline (Spring Boot + Spring Data JPA, " + CrudBaseline.SIDE_HEAP + "), 16 clients");
            ClosedLoop.Result crud16;
            try (CrudBaseline crud = CrudBaseline.start(Path.of(System.getProperty("benchmark.crud-baseline")),
                    postgres, work.resolve("crud-baseline.log"), Duration.ofMinutes(6))) {
                crud16 = ClosedLoop.run(16, JIT_WARM_UP, Duration.ofSeconds(15), (client, n) ->
                        crud.http.post("/api/tenants", TenantDrafts.json("Crud " + client, n)).status() == 201);
            }
            progress("  " + crud16.summary());

            progress("registry create, 16 clients, POST /api/tenants on the command side; topic end offsets sampled");
            long[] published = new long[2];
            Thread publishing = new Thread(() -> {
                try {
                    Thread.sleep(JIT_WARM_UP.toMillis());
                    published[0] = topic.published();
                    Thread.sleep(WRITE_WINDOW.toMillis());
                    published[1] = topic.published();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            publishing.start();
            ClosedLoop.Result create16 = ClosedLoop.run(16, JIT_WARM_UP, WRITE_WINDOW, this.create(commands,
                    "Bench sixteen"));
            publishing.join();
            double publishedPerSecond = (published[1] - published[0]) / (WRITE_WINDOW.toNanos() / 1e9);
            progress("  " + create16.summary());
            progress(String.format("  published %.0f events/s in the same window", publishedPerSecond));

            progress("registry create, 1 client");
            ClosedLoop.Result create1 = ClosedLoop.run(1, Duration.ofSeconds(3), Duration.ofSeconds(15),
                    create(commands, "Bench single"));
            progress("  " + create1.summary());

            String backlogBeforeLag = awaitCaughtUp(topic, Duration.ofSeconds(90));

            // 4: the projection lag at a fixed offered rate.
            progress("projection lag: 500 creates/s offered for 60 s, every 10th read back with min_version");
            ProjectionLag.Result lag = new ProjectionLag(commands, queries, created)
                    .run("Bench lag", 500, Duration.ofSeconds(60), 10, Duration.ofSeconds(30), Duration.ofSeconds(30));
            progress(String.format("  achieved %.0f creates/s (%d not sent or failed), lag %s (%d over 30 s),"
                            + " back to 0 after %s s%s, client CPU %.0f%%", lag.achievedPerSecond(), lag.failed(),
                    lag.lag().summary(), lag.censored(), seconds(lag.drain()), lag.drained() ? "" : " (not drained)",
                    lag.clientCpuShare() * 100));
            sampleMemory("after the write workloads");

            // 5: the million tenants through the real projections; their apply rate is the rebuild figure.
            String backlogBeforeLoad = awaitCaughtUp(topic, Duration.ofSeconds(30));
            int groups = Math.max(1, topic.committed().size());
            Map<TopicPartition, Long> before = topic.endOffsets();
            progress("loading " + TENANTS + " tenants: generated envelopes, plain idempotent producer, to "
                    + Topic.NAME + " (" + groups + " consumer groups read it)");
            long loadStart = System.nanoTime();
            MillionTenants.Produced produced = new MillionTenants().produce(topic.bootstrapServers, TENANTS);
            progress(String.format("  produced %d events in %.1f s (%.0f/s)", produced.records(), produced.seconds(),
                    produced.perSecond()));
            Map<TopicPartition, Long> target = topic.endOffsets();
            long loaded = sum(target) - sum(before);
            long deadline = loadStart + LOAD_BOUND.toNanos();
            long lagLeft = topic.slowestLag(target, groups);
            long lastReport = System.nanoTime();
            while (lagLeft > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                lagLeft = topic.slowestLag(target, groups);
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    progress("  read models: " + (loaded - Math.min(loaded, lagLeft)) + " of " + loaded
                            + " events applied by the slowest group");
                    lastReport = System.nanoTime();
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long applied = loaded - Math.min(loaded, lagLeft);
            double rebuildPerSecond = applied / loadSeconds;
            progress(String.format("  read models applied %d of %d events in %.1f s (%.0f/s)%s", applied, loaded,
                    loadSeconds, rebuildPerSecond, lagLeft > 0 ? ", stopped at the bound" : ""));
            double plainConsumer = PlainConsumer.read(topic.bootstrapServers, topic.partitions(), sum(target),
                    Duration.ofSeconds(30));
            progress(String.format("  a plain consumer reads the topic at %.0f records/s", plainConsumer));

            // 6: reads at that size.
            SearchFigures search = new SearchFigures(queries, postgres);
            long rows = search.tenantRows();
            boolean searchDocument = search.hasSearchDocument();
            progress("reads at " + rows + " tenant rows; bare SQL: " + search.bareSearchStatement());
            ClosedLoop.Result selective = read(search, "/api/tenants?search=424242&per_page=20");
            ClosedLoop.Result selectiveSql = bare(search, "424242");
            ClosedLoop.Result broad = read(search, "/api/tenants?search=globex&per_page=20");
            ClosedLoop.Result broadSql = bare(search, "globex");
            ClosedLoop.Result count = read(search, "/api/tenants/count?status=active&partner_id=partner-042");
            ClosedLoop.Result countSearch = read(search, "/api/tenants/count?search=globex&status=active");
            ClosedLoop.Result firstPage = read(search,
                    "/api/tenants?partner_id=partner-042&status=active&per_page=20");
            String nextPage = search.followNext("/api/tenants?country_code=DE&per_page=20", 5);
            progress("  page reached by 5 × links.next: " + nextPage);
            ClosedLoop.Result followed = read(search, nextPage);
            sampleMemory("after the million and the reads");

            String at = rows == TENANTS ? "1M" : String.format("%,d", rows);
            table.higherThan("create, 16 clients (vs raw PostgreSQL)", create16.perSecond(), "/s",
                    "event + claim tx, 16 JDBC clients", raw16.perSecond(), 0.5);
            table.higherThan("create, 16 clients (vs CRUD service)", create16.perSecond(), "/s",
                    "Spring Data JPA service", crud16.perSecond(), 1.0);
            table.lowerThan("create, 1 client, p50", create1.latencies().millis(0.5), "ms", 2,
                    "event + claim tx, 1 JDBC client, p50", raw1.latencies().millis(0.5), 0);
            table.higherThan("published to Kafka while creating at 16 clients", publishedPerSecond, "events/s",
                    "creates", create16.perSecond(), 1.0);
            table.lowerThan(String.format("projection lag p99 at 500/s offered for 60 s (%.0f/s achieved)",
                    lag.achievedPerSecond()), lag.lag().millis(0.99), "ms", 100, null, Double.NaN, 0);
            table.lowerThan("lag back to 0 after the load", lag.drain().toMillis() / 1000.0, "s", 1, null,
                    Double.NaN, 0);
            table.atLeast("rebuild of every read model from the topic", rebuildPerSecond, "events/s", 50_000,
                    "plain consumer", plainConsumer, 0.3);
            table.lowerThan("search p99 at " + at + ", selective (424242)", selective.latencies().millis(0.99), "ms",
                    20, "bare SQL", selectiveSql.latencies().millis(0.99), 1.5);
            table.lowerThan("search p99 at " + at + ", broad (globex)", broad.latencies().millis(0.99), "ms", 20,
                    "bare SQL", broadSql.latencies().millis(0.99), 1.5);
            table.lowerThan("count p99, status + partner", count.latencies().millis(0.99), "ms", 5, null,
                    Double.NaN, 0);
            table.lowerThan("count p99, search globex + status", countSearch.latencies().millis(0.99), "ms", 5, null,
                    Double.NaN, 0);
            table.lowerThan("list p99, first page, partner + status", firstPage.latencies().millis(0.99), "ms", 5,
                    null, Double.NaN, 0);
            table.lowerThan("list p99, page after 5 × next, country", followed.latencies().millis(0.99), "ms", 5,
                    null, Double.NaN, 0);
            table.lowerThan("start to ready, ./mvnw spring-boot:run (warm Maven)", ready.toMillis() / 1000.0, "s",
                    20, null, Double.NaN, 0);
            table.lowerThan("memory of the stack (PSS, all processes, peak of 3 samples)", peak.pssMiB(), "MiB",
                    1536, null, Double.NaN, 0);

            table.note("Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), Java "
                    + System.getProperty("java.version") + "; load average at start " + loadAtStart + ", at end "
                    + Files.readString(Path.of("/proc/loadavg")).trim() + "; wall "
                    + (System.nanoTime() - startedNanos) / 1_000_000_000L + " s; CPU time stolen by the hypervisor "
                    + String.format("%.0f%%", stolenShare() * 100) + " of the run.");
            table.note("PostgreSQL " + durability + "; one server for the stack, the raw baseline and the CRUD"
                    + " baseline (databases benchmark_raw, benchmark_crud). Every client runs on the same machine.");
            table.note("Rate limits off (tenant-registry.rate-limit.enabled=false): the clients send far more than"
                    + " 60 requests a minute, which a caller may with them on.");
            table.note(String.format("Client CPU share of the machine: raw 16 %.0f%%, CRUD 16 %.0f%%, create 16"
                            + " %.0f%%, create 1 %.0f%%, lag %.0f%%.", raw16.clientCpuShare() * 100,
                    crud16.clientCpuShare() * 100, create16.clientCpuShare() * 100, create1.clientCpuShare() * 100,
                    lag.clientCpuShare() * 100));
            table.note(String.format("Create 16: %s. Create 1: %s. Raw 1: %s.", create16.summary(),
                    create1.summary(), raw1.summary()));
            table.note(String.format("Projection lag: %s, %d samples over the 30 s bound (counted as 30 s), %d"
                    + " creates not sent or failed. Before it: %s", lag.lag().summary(), lag.censored(),
                    lag.failed(), backlogBeforeLag));
            table.note(String.format("Load: %d events (%s tenants) produced at %.0f/s by a plain idempotent"
                            + " producer (the plain producer rate); %d of %d applied by the slowest of %d consumer"
                            + " groups in %.1f s%s. Before it: %s", produced.records(), String.format("%,d", TENANTS),
                    produced.perSecond(), applied, loaded, groups, loadSeconds,
                    lagLeft > 0 ? " (stopped at the bound, so the reads ran on fewer rows)" : "", backlogBeforeLoad));
            table.note("Reads: one client, " + READ_WINDOW.toSeconds() + " s each; " + rows + " tenant rows; bare"
                    + " SQL = the search page statement over JDBC on tenant_query ("
                    + (searchDocument ? "search_text LIKE" : "four ILIKEs: no tenant.search_text column yet") + ").");
            table.note("Memory samples (RSS / PSS, launcher JVM with Kafka + side JVMs + PostgreSQL; Maven's JVM"
                    + " not counted, " + String.format("%.0f MiB", stack.mavenMemory().rssMiB()) + "): "
                    + String.join("; ", memorySamples) + ".");
        }
    }

    private ClosedLoop.Operation create(Http commands, String prefix) {
        return (client, n) -> {
            boolean ok = commands.post("/api/tenants", TenantDrafts.json(prefix + " " + client, n)).status() == 201;
            if (ok) {
                created.incrementAndGet();
            }
            return ok;
        };
    }

    private ClosedLoop.Result read(SearchFigures search, String path) throws Exception {
        ClosedLoop.Result result = search.api(path, Duration.ofSeconds(2), READ_WINDOW);
        progress("  GET " + path + ": " + result.summary());
        return result;
    }

    private ClosedLoop.Result bare(SearchFigures search, String term) throws Exception {
        ClosedLoop.Result result = search.bareSearch(term, Duration.ofSeconds(2), READ_WINDOW);
        progress("  bare SQL '" + term + "': " + result.summary());
        return result;
    }

    /** Until every create so far is on the topic and every consumer group has read it, within the bound. */
    private String awaitCaughtUp(Topic topic, Duration bound) throws Exception {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        long expected = created.get();
        long published = topic.published();
        while (published < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            published = topic.published();
        }
        Map<TopicPartition, Long> end = topic.endOffsets();
        long lag = topic.slowestLag(end, 1);
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lag = topic.slowestLag(end, 1);
        }
        String state = published >= expected && lag == 0
                ? "caught up " + seconds(Duration.ofNanos(System.nanoTime() - start)) + " s after the last write"
                : String.format("NOT caught up after %d s: %d of %d creates published, slowest group %d behind",
                bound.toSeconds(), published, expected, lag);
        progress("publisher and projections " + state);
        return state;
    }

    private void awaitTopic(Topic topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                topic.partitions();
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no topic " + Topic.NAME, e);
                }
                Thread.sleep(500);
            }
        }
    }

    private void sampleMemory(String when) {
        ProcessMemory memory = ProcessMemory.of(stack.stackProcesses());
        if (memory.pssMiB() > peak.pssMiB()) {
            peak = memory;
        }
        memorySamples.add(String.format("%s %.0f / %.0f MiB (%d processes)", when, memory.rssMiB(),
                memory.pssMiB(), memory.processes()));
        progress(String.format("memory %s: RSS %.0f MiB, PSS %.0f MiB over %d processes", when, memory.rssMiB(),
                memory.pssMiB(), memory.processes()));
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The machine's CPU time and the part of it the hypervisor gave to other guests (steal), from /proc/stat. */
    private static long[] cpuTimes() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private double stolenShare() {
        long[] now = cpuTimes();
        long total = now[0] - cpuAtStart[0];
        return total <= 0 ? 0 : (double) (now[1] - cpuAtStart[1]) / total;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }

    private void progress(String line) {
        System.out.printf("[benchmark %4ds] %s%n", (System.nanoTime() - startedNanos) / 1_000_000_000L, line);
    }
}
