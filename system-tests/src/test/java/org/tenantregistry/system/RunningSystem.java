package org.tenantregistry.system;

import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.tenantregistry.postgres.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The whole registry as production runs it: one PostgreSQL with a database per side, one Kafka broker, and each
 * side in a JVM of its own, started from the executable jar the build just made.
 */
final class RunningSystem implements AutoCloseable {

    private final LocalPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final List<Process> sides = new ArrayList<>();
    final URI commandSide;
    final URI querySide;

    private RunningSystem(LocalPostgres postgres, EmbeddedKafkaKraftBroker kafka, URI commandSide, URI querySide) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    static RunningSystem start() throws IOException, SQLException {
        LocalPostgres postgres = LocalPostgres.builder().start();
        String commandDatabase = postgres.database("tenant_command");
        String queryDatabase = postgres.database("tenant_query");
        // No topic: the command side creates tenant-events (unlimited retention), and the broker, like production
        // ones, creates none for a client that asks; the query side waits for it.
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();

        int commandPort = freePort();
        int queryPort = freePort();
        RunningSystem system = new RunningSystem(postgres, kafka,
                URI.create("http://localhost:" + commandPort), URI.create("http://localhost:" + queryPort));
        try {
            system.launch("command-side", commandPort, commandDatabase);
            system.launch("query-side", queryPort, queryDatabase);
            system.awaitHealthy(system.commandSide);
            system.awaitHealthy(system.querySide);
            return system;
        } catch (RuntimeException | IOException e) {
            system.close();
            throw e;
        }
    }

    private void launch(String side, int port, String jdbcUrl) throws IOException {
        Path root = Path.of(System.getProperty("tenant-registry.root", ".."));
        String version = System.getProperty("tenant-registry.version", "0.1.0-SNAPSHOT");
        Path jar = root.resolve(side).resolve("target").resolve(side + "-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project with ./mvnw verify");
        }
        Path log = Path.of("target", side + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + postgres.superuser(),
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        sides.add(process);
    }

    String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /** Takes the broker away; the test kit keeps its port bound, so the restarted broker is where clients look. */
    void stopKafka() {
        broker().shutdown();
    }

    void startKafka() {
        broker().startup();
    }

    private BrokerServer broker() {
        return kafka.getCluster().brokers().values().iterator().next();
    }

    private void awaitHealthy(URI side) {
        HttpClient http = HttpClient.newHttpClient();
        await("health of " + side).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .failFast("a side exited; see system-tests/target/*.log",
                        () -> sides.stream().anyMatch(process -> !process.isAlive()))
                .ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(side.resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @Override
    public void close() throws IOException {
        for (Process process : sides) {
            process.destroy();
        }
        for (Process process : sides) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        kafka.destroy();
        postgres.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
