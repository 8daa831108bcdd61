package org.tenantregistry.launcher.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), in this JVM, on 127.0.0.1 only.
 * Its storage is formatted on the first start and reused on every later one, so topics and records survive.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(1);

    private final CompletableFuture<KafkaRaftServer> server;
    private final String bootstrapServers;

    private KafkaBroker(CompletableFuture<KafkaRaftServer> server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker and returns once it answers. */
    public static KafkaBroker start(Path directory, int port, int controllerPort) {
        KafkaBroker broker = startInBackground(directory, port, controllerPort);
        broker.awaitStarted();
        return broker;
    }

    /**
     * Starts the broker on a thread of its own and returns at once: its address is known before it answers, so that
     * what needs only the address (a side's JVM, which connects much later) can start meanwhile.
     */
    public static KafkaBroker startInBackground(Path directory, int port, int controllerPort) {
        CompletableFuture<KafkaRaftServer> server = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.complete(startServer(directory, port, controllerPort));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "kafka-start");
        starter.setDaemon(true);
        starter.start();
        return new KafkaBroker(server, "127.0.0.1:" + port);
    }

    /** Waits until the broker answers; throws what kept it from starting. */
    public void awaitStarted() {
        try {
            server.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("Kafka did not start", e.getCause());
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static KafkaRaftServer startServer(Path directory, int port, int controllerPort) throws IOException {
        Path logDirectory = directory.resolve("logs");
        Properties config = config(logDirectory, port, controllerPort);
        Files.createDirectories(directory);
        Path configFile = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "Written by the launcher at every start; the broker's data is in logs/");
        }
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(configFile);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        awaitReady(server, "127.0.0.1:" + port);
        return server;
    }

    private static Properties config(Path logDirectory, int port, int controllerPort) {
        Properties config = new Properties();
        config.setProperty("node.id", "1");
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
        // One broker: Kafka's internal topics can have no more replicas than that.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Only the command side creates tenant-events, with unlimited retention: a client asking for a missing topic
        // (a consumer that starts first, a typo) must not get one with the broker's 7-day default.
        config.setProperty("auto.create.topics.enable", "false");
        // Nobody else will join the consumer groups; waiting for them only delays the query side's first read.
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    /** What {@code kafka-storage.sh format} does, once: a new cluster id, stored with the data from then on. */
    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[]{"format", "--config", configFile.toString(),
                        "--cluster-id", Uuid.randomUuid().toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting Kafka's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitReady(KafkaRaftServer server, String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(server);
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            stop(server);
            throw new IllegalStateException("Kafka did not answer within " + READY_TIMEOUT, e);
        }
    }

    /** Waits for a start still under way; a broker that never started has nothing to stop. */
    @Override
    public void close() {
        KafkaRaftServer started;
        try {
            started = server.join();
        } catch (CompletionException neverStarted) {
            return;
        }
        stop(started);
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
