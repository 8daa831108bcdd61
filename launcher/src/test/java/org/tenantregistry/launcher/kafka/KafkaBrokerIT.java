package org.tenantregistry.launcher.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerIT {

    /** Kafka's client default asks for the topic to be created: the local broker is what refuses. */
    @Test
    void aConsumerAskingForAMissingTopicDoesNotCreateIt(@TempDir Path directory) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(directory, freePort(), freePort());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
                     new StringDeserializer(), new StringDeserializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(consumer.partitionsFor("tenant-events", Duration.ofSeconds(10))).isEmpty();

            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("tenant-events");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
