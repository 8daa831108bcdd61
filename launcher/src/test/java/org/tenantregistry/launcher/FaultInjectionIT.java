package org.tenantregistry.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantEventEnvelopeDeserializer;
import org.tenantregistry.events.TenantTopics;
import org.tenantregistry.launcher.kafka.KafkaBroker;
import org.tenantregistry.launcher.security.LocalCredentials;
import org.tenantregistry.launcher.security.SideSecuritySettings;
import org.tenantregistry.launcher.side.Side;
import org.tenantregistry.launcher.side.SideProcess;
import org.tenantregistry.postgres.LocalPostgres;
import org.tenantregistry.postgres.PostmasterCommand;
import org.tenantregistry.postgres.Postmaster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack under faults, started through the launcher's own classes (it owns the restarts) with free ports and
 * a data folder of its own: PostgreSQL restarted under write load, and each side killed with SIGKILL while it works.
 * One stack serves the three, in order; every write goes through the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionIT {

    private static final Duration SIDE_RESTART = Duration.ofMinutes(3);
    private static final Set<Integer> EXPECTED_STATUSES = Set.of(200, 201, 503);
    private static final Set<Integer> WHILE_A_SIDE_CRASHES = Set.of(-1, 200, 201, 503);

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext registry;
    private static URI base;
    /** Got before any side is stopped: the command side issues them. */
    private static String token;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        int[] ports = LocalPortsTest.freePorts(5);
        base = URI.create("http://localhost:" + ports[0]);
        registry = new SpringApplicationBuilder(LauncherApplication.class)
                .properties("spring.main.keep-alive=false")
                .run(withoutRateLimits(LauncherIT.arguments(data, ports)));
        token = ServiceToken.of(base, LocalCredentials.loadOrCreate(data.resolve("security")));
    }

    /** The load's four clients share one token, and send far more than its 60 writes a minute. */
    private static String[] withoutRateLimits(String[] arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 1);
        // the launcher's own options (application.yml), and the limits off
        all[arguments.length] = "--tenant-registry.launcher.side-jvm-options=-XX:+UseSerialGC,-Xms32m,-Xmx512m,"
                + "-Xss512k,-Dtenant-registry.rate-limit.enabled=false";
        return all;
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @Order(1)
    void postgresRestartedUnderWriteLoadGives503sWithRetryAfterNever500sAndWritesRecoverByThemselves() throws Exception {
        Path postgresData = data.resolve("postgres").toAbsolutePath();
        try (WriteLoad load = new WriteLoad(base, token, "postgres", 4)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> load.accepted() >= 20);

            PostmasterCommand sameServer = PostmasterCommand.of(postgresData);
            Postmaster.runningOn(postgresData).orElseThrow().stop();
            await("writes refused with 503 while PostgreSQL is away").atMost(Duration.ofMinutes(1))
                    .until(() -> load.answered(503) >= 4);
            HttpResponse<String> read = get("/api/tenants");
            assertThat(read.statusCode()).as("a read while PostgreSQL is away: %s", read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(read.body()).contains("urn:tenant-registry:problem:database-unavailable");

            sameServer.start(data.resolve("postgres-restarted.log"));
            int acceptedBeforeRecovery = load.accepted();
            await("writes succeed again without help").atMost(Duration.ofMinutes(1))
                    .until(() -> load.accepted() >= acceptedBeforeRecovery + 20);
            assertThat(get("/api/tenants").statusCode()).isEqualTo(200);
            load.close();
            assertThat(load.statuses().keySet()).as("statuses answered: %s", load.statuses())
                    .isSubsetOf(EXPECTED_STATUSES);
        }
    }

    @Test
    @Order(2)
    void theQuerySideKilledMidStreamIsRestartedAndItsReadModelsEqualACleanRebuild(CapturedOutput output)
            throws Exception {
        SideProcess querySide = registry.getBean("querySide", SideProcess.class);
        long killedPid;
        try (WriteLoad load = new WriteLoad(base, token, "query", 4)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> load.accepted() >= 30);
            killedPid = querySide.processHandle().pid();
            querySide.processHandle().destroyForcibly();
            int acceptedAtKill = load.accepted();
            await().atMost(Duration.ofMinutes(1)).until(() -> load.accepted() >= acceptedAtKill + 30);
        }

        await("the query side restarted").atMost(SIDE_RESTART).ignoreExceptions()
                .until(() -> get("/query/actuator/health").statusCode() == 200);
        assertThat(querySide.processHandle().pid()).isNotEqualTo(killedPid);
        assertThat(output).contains("query-side exited with code 137; restarting in 1s (attempt 1)");

        LocalPostgres postgres = registry.getBean(LocalPostgres.class);
        String rebuiltDatabase = postgres.database("tenant_query_rebuild");
        try (SideProcess rebuild = startRebuild(postgres, rebuiltDatabase)) {
            rebuild.awaitHealthy(SIDE_RESTART);
            String restartedDatabase = postgres.jdbcUrl(Side.QUERY.database());
            await("the rebuild caught up with the topic").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                    assertThat(tenantRows(rebuiltDatabase)).isEqualTo(tenantRows(restartedDatabase)));
        }
    }

    @Test
    @Order(3)
    void theCommandSideKilledWhilePublishingLosesNoAcceptedWriteAndKeepsEachTenantsOrder(CapturedOutput output)
            throws Exception {
        SideProcess commandSide = registry.getBean("commandSide", SideProcess.class);
        Map<String, Integer> accepted;
        try (WriteLoad load = new WriteLoad(base, token, "command", 4)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> load.accepted() >= 40);
            commandSide.processHandle().destroyForcibly();
            int acceptedAtKill = load.accepted();
            await("writes accepted again after the restart").atMost(SIDE_RESTART)
                    .until(() -> load.accepted() >= acceptedAtKill + 20);
            load.close();
            // A request whose answer was already on its way through the gateway when the side died loses its
            // connection (-1): its outcome is unknown to the client, as with any crash, and it is not counted as
            // accepted. What must never come is a 500 or an HTML 502.
            assertThat(load.statuses().keySet()).as("statuses answered: %s", load.statuses())
                    .isSubsetOf(WHILE_A_SIDE_CRASHES);
            accepted = load.acceptedVersions();
        }
        assertThat(output).contains("command-side exited with code 137; restarting in 1s (attempt 1)");

        String bootstrapServers = registry.getBean(KafkaBroker.class).bootstrapServers();
        Map<String, List<Long>> sequences = new HashMap<>();
        try (KafkaConsumer<String, TenantEventEnvelope> consumer = topicReader(bootstrapServers)) {
            await("every accepted write on the topic").atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                for (ConsumerRecord<String, TenantEventEnvelope> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        sequences.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value().sequence());
                    }
                }
                accepted.forEach((tenant, version) -> assertThat(firstDeliveries(sequences, tenant))
                        .as("tenant %s, accepted up to version %d", tenant, version)
                        .startsWith(expectedSequences(version)));
            });
        }
    }

    /**
     * Delivery is at least once: after a crash the publisher may send again what it sent before. In order means the
     * first delivery of each sequence number comes in ascending order, without gaps.
     */
    private static List<Long> firstDeliveries(Map<String, List<Long>> sequences, String tenant) {
        return List.copyOf(new LinkedHashSet<>(sequences.getOrDefault(tenant, List.of())));
    }

    private static Long[] expectedSequences(int version) {
        Long[] expected = new Long[version];
        for (int i = 0; i < version; i++) {
            expected[i] = (long) i;
        }
        return expected;
    }

    /** A second query side with an empty database and consumer groups of its own: the projections re-run from the topic. */
    private static SideProcess startRebuild(LocalPostgres postgres, String database) throws Exception {
        LauncherProperties properties = registry.getBean(LauncherProperties.class);
        int port = LocalPortsTest.freePorts(1)[0];
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + postgres.superuser(),
                "--spring.kafka.bootstrap-servers=" + registry.getBean(KafkaBroker.class).bootstrapServers(),
                "--tenant-registry.query.consumer-group=rebuild-" + UUID.randomUUID()));
        SideSecuritySettings security = registry.getBean(SideSecuritySettings.class);
        arguments.addAll(security.tokenCheckArguments());
        arguments.addAll(security.eventKeyArguments(URI.create("http://localhost:" + properties.commandSidePort())));
        return SideProcess.start(Side.QUERY, properties.projectDirectory().toAbsolutePath().normalize(),
                data.resolve("rebuild-logs"), properties.sideJvmOptions(), port, arguments,
                security.eventKeyEnvironment());
    }

    private static List<String> tenantRows(String jdbcUrl) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM tenant ORDER BY id")) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(columns.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static KafkaConsumer<String, TenantEventEnvelope> topicReader(String bootstrapServers) {
        KafkaConsumer<String, TenantEventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-injection-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new TenantEventEnvelopeDeserializer());
        consumer.subscribe(List.of(TenantTopics.TENANT_EVENTS));
        return consumer;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
