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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), in this JVM, on 127.0.0.1 only.
 * Its storage is formatted on the first start and reused on every later one, so topics and records survive.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path directory, int port, int controllerPort) throws IOException {
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
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port);
        broker.awaitReady(Duration.ofMinutes(1));
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
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

    private void awaitReady(Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("Kafka did not answer within " + timeout, e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
