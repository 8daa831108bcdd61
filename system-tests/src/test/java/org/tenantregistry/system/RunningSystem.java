package org.tenantregistry.system;

import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.tenantregistry.launcher.gateway.Gateway;
import org.tenantregistry.launcher.gateway.Routes;
import org.tenantregistry.launcher.security.LocalCredentials;
import org.tenantregistry.launcher.security.SideSecuritySettings;
import org.tenantregistry.postgres.LocalPostgres;
import org.tenantregistry.dns.LoopbackDnsServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The whole registry as production runs it: one PostgreSQL with a database per side, one Kafka broker, and each
 * side in JVMs of its own, started from the executable jar the build just made. Several instances of a side share
 * that side's database (and, on the query side, its consumer groups), as instances behind a load balancer would.
 * The launcher's gateway in front of instance 1 of each side is the one base URL a client of the registry calls.
 */
final class RunningSystem implements AutoCloseable {

    static final String COMMAND_DATABASE = "tenant_command";
    static final String QUERY_DATABASE = "tenant_query";

    private final LocalPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final List<Process> sides = new CopyOnWriteArrayList<>();
    private final List<URI> commandSides = new ArrayList<>();
    private final List<URI> querySides = new ArrayList<>();
    /** Instance 1 of each side. */
    final URI commandSide;
    final URI querySide;
    /** The gateway: reads of {@code /api/**} to instance 1 of the query side, everything else to the command side's. */
    final URI baseUrl;
    private Gateway gateway;
    /** Made as the launcher makes them on a first start: a signing key, the admin's password, a service client. */
    private final SideSecuritySettings security;
    /** What the command sides verify custom domains against: a real DNS server on the loopback. */
    final LoopbackDnsServer dns = new LoopbackDnsServer().start();

    private RunningSystem(LocalPostgres postgres, EmbeddedKafkaKraftBroker kafka, int commandInstances,
                          int queryInstances) throws IOException {
        this.postgres = postgres;
        this.kafka = kafka;
        for (int i = 0; i < commandInstances; i++) {
            commandSides.add(URI.create("http://localhost:" + freePort()));
        }
        for (int i = 0; i < queryInstances; i++) {
            querySides.add(URI.create("http://localhost:" + freePort()));
        }
        this.commandSide = commandSides.get(0);
        this.querySide = querySides.get(0);
        this.baseUrl = URI.create("http://localhost:" + freePort());
        Path target = Files.createDirectories(Path.of("target"));
        this.security = new SideSecuritySettings(
                LocalCredentials.loadOrCreate(Files.createTempDirectory(target, "security-")), baseUrl);
    }

    /** One instance of each side. */
    static RunningSystem start() throws IOException, SQLException {
        return start(1, 1);
    }

    /** All instances start at once; this returns when every one of them is healthy. */
    static RunningSystem start(int commandInstances, int queryInstances) throws IOException, SQLException {
        LocalPostgres postgres = LocalPostgres.builder().start();
        String commandDatabase = postgres.database(COMMAND_DATABASE);
        String queryDatabase = postgres.database(QUERY_DATABASE);
        // No topic: the command side creates tenant-events (unlimited retention), and the broker, like production
        // ones, creates none for a client that asks; the query side waits for it.
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();

        RunningSystem system = new RunningSystem(postgres, kafka, commandInstances, queryInstances);
        try {
            for (int i = 0; i < commandInstances; i++) {
                system.launch("command-side", i + 1, system.commandSides.get(i), commandDatabase, List.of(),
                        system.security.issuerEnvironment());
            }
            for (int i = 0; i < queryInstances; i++) {
                // each query side asks its own command side for the keys of sealed fields
                URI keys = system.commandSides.get(i % commandInstances);
                system.launch("query-side", i + 1, system.querySides.get(i), queryDatabase,
                        system.security.eventKeyArguments(keys), system.security.eventKeyEnvironment());
            }
            system.awaitHealthy(system.instances());
            system.startGateway();
            return system;
        } catch (RuntimeException | IOException e) {
            system.close();
            throw e;
        }
    }

    /** Every command-side instance, instance 1 first. */
    List<URI> commandSides() {
        return List.copyOf(commandSides);
    }

    /** Every query-side instance, instance 1 first; they share one database and one consumer group per projection. */
    List<URI> querySides() {
        return List.copyOf(querySides);
    }

    /**
     * Another query side on a database of its own, with consumer groups of its own: it builds its read models from
     * the topic's start, as a rebuild does. This returns as soon as its JVM runs ({@link #awaitHealthy} waits for
     * it). Closing it stops it; the system stops it too if it is still running.
     *
     * @param name the database's and the consumer groups' name; its log is {@code target/query-side-<name>.log}
     */
    RebuildingQuerySide startRebuildingQuerySide(String name) throws IOException, SQLException {
        String database = postgres.database(name);
        URI uri = URI.create("http://localhost:" + freePort());
        List<String> arguments = new ArrayList<>(security.eventKeyArguments(commandSide));
        arguments.add("--tenant-registry.query.consumer-group=" + name);
        Process process = launch("query-side", name, uri, database, arguments, security.eventKeyEnvironment());
        return new RebuildingQuerySide(uri, database, process);
    }

    /** A query side with a database of its own, and the JDBC URL of that database. */
    record RebuildingQuerySide(URI uri, String jdbcUrl, Process process) implements AutoCloseable {

        @Override
        public void close() {
            stop(List.of(process));
        }
    }

    /** The JDBC URL of a database of this system's PostgreSQL, such as {@link #QUERY_DATABASE}. */
    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    String databaseUser() {
        return postgres.superuser();
    }

    private List<URI> instances() {
        List<URI> instances = new ArrayList<>(commandSides);
        instances.addAll(querySides);
        return instances;
    }

    /** A client of this side (or of the gateway) with the service client's token. */
    Http client(URI base) {
        return new Http(base, serviceToken());
    }

    /** A client of this side whose every answer is checked against the side's OpenAPI document. */
    Http checkedClient(URI base) {
        return Http.checkedAgainstItsOpenApi(base, serviceToken());
    }

    /** The admin's password, as the launcher made it: what a person types into the console's login page. */
    String adminPassword() {
        return security.credentials().adminPassword();
    }

    /** A browser with the admin's session, logged in through the gateway with the credentials the launcher made. */
    Http adminBrowser() {
        return Http.loggedInAdmin(baseUrl, LocalCredentials.ADMIN, security.credentials().adminPassword());
    }

    /**
     * An access token with all of the registry's scopes, from the command side's own issuer through the gateway
     * (client credentials of the service client). A new one each time: a class's clients outlive no token.
     */
    String serviceToken() {
        String basic = Base64.getEncoder().encodeToString((LocalCredentials.SERVICE_CLIENT + ":"
                + security.credentials().clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token: " + answer.statusCode() + " " + answer.body());
            }
            return JsonMapper.builder().build().readTree(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param environment added to the side's environment, where {@code ps} does not show it (the issuer's hashes) */
    private Process launch(String side, Object instance, URI uri, String jdbcUrl, List<String> extraArguments,
                           Map<String, String> environment) throws IOException {
        Path root = Path.of(System.getProperty("tenant-registry.root", ".."));
        String version = System.getProperty("tenant-registry.version", "0.1.0-SNAPSHOT");
        Path jar = root.resolve(side).resolve("target").resolve(side + "-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project with ./mvnw verify");
        }
        Path log = Path.of("target", side + "-" + instance + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(),
                "--server.port=" + uri.getPort(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + postgres.superuser(),
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                // The system tests send far more than a caller may in a minute.
                "--tenant-registry.rate-limit.enabled=false",
                "--tenant-registry.domains.dns-servers=" + dns.address()));
        command.addAll(security.tokenCheckArguments());
        command.addAll(extraArguments);
        // A measurement's own settings for a side, such as -Dsystem.query-side.arguments=--tenant-registry.x=y
        String asked = System.getProperty("system." + side + ".arguments");
        if (asked != null && !asked.isBlank()) {
            command.addAll(List.of(asked.strip().split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        sides.add(process);
        // A test JVM that ends without closing this (a build stopped halfway) must not leave its sides running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process;
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

    /**
     * Polls them all at once: the instances start in parallel, and the slowest one decides. The bound is generous:
     * four side JVMs starting at once on two cores shared with other builds took more than four minutes.
     */
    void awaitHealthy(List<URI> instances) {
        HttpClient http = HttpClient.newHttpClient();
        await("health of " + instances).atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .failFast("a side exited; see system-tests/target/*.log",
                        () -> sides.stream().anyMatch(process -> !process.isAlive()))
                .ignoreExceptions()
                .until(() -> {
                    for (URI side : instances) {
                        if (http.send(HttpRequest.newBuilder(side.resolve("/actuator/health")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Stops the gateway, every side gracefully (SIGTERM, all at once, forcibly after 30 s), Kafka, PostgreSQL. */
    @Override
    public void close() throws IOException {
        try {
            stopGateway();
        } finally {
            stop(sides);
            kafka.destroy();
            postgres.close();
            dns.close();
        }
    }

    private void startGateway() {
        try {
            gateway = Gateway.start(baseUrl.getPort(), new Routes(commandSide, querySide));
        } catch (Exception e) {
            throw new IllegalStateException("the gateway did not start on " + baseUrl, e);
        }
    }

    private void stopGateway() throws IOException {
        if (gateway == null) {
            return;
        }
        try {
            gateway.close();
        } catch (Exception e) {
            throw new IOException("the gateway did not stop", e);
        }
    }

    private static void stop(List<Process> processes) {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
