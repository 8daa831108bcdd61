package org.tenantregistry.query.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.QueryApplication;
import org.tenantregistry.support.kafka.TopicRefusedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The query side and the topic: it refuses one that would lose history, and its consumers never create one. */
class TopicChecksIT extends org.tenantregistry.query.support.KafkaIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    ConsumerFactory<String, TenantEventEnvelope> consumers;

    @Test
    void aStartOnATopicThatDeletesEventsAfterSevenDaysIsRefusedWithTheSettingAndItsFix() throws Exception {
        String topic = "week-long-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of("retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(7))))))
                    .all().get(10, TimeUnit.SECONDS);
        }

        assertThatThrownBy(() -> new SpringApplicationBuilder(QueryApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--tenant-registry.query.topic=" + topic,
                "--tenant-registry.query.embedded-postgres.data-directory=target/it-postgres/" + UUID.randomUUID(),
                "--tenant-registry.query.embedded-postgres.clean-data-directory=true",
                "--tenant-registry.query.projections.tenants.auto-startup=false",
                "--tenant-registry.query.projections.msp-statistics.auto-startup=false"))
                .isInstanceOf(TopicRefusedException.class)
                .hasMessage("Topic " + topic + ": retention.ms is 604800000 (7 days), so older events are deleted, and"
                        + " the topic must keep every event. Fix: kafka-configs.sh --bootstrap-server "
                        + bootstrapServers + " --alter --entity-type topics --entity-name " + topic
                        + " --add-config retention.ms=-1");
    }

    /**
     * On a broker that would create a topic for any client that asks (Kafka's default), the projections' consumers do
     * not ask: the topic they wait for is created by the command side, and they read it from then on.
     */
    @Test
    void theConsumersCreateNoTopicEvenOnABrokerThatAllowsItAndReadTheTopicOnceItIsCreated() throws Exception {
        EmbeddedKafkaKraftBroker permissive = new EmbeddedKafkaKraftBroker(1, 1);
        // Its address in a system property of its own: the default one is where the shared context finds its broker.
        permissive.brokerListProperty("topic-checks.permissive.brokers");
        permissive.afterPropertiesSet();
        String topic = "not-yet-" + UUID.randomUUID();
        Properties elsewhere = new Properties();
        elsewhere.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, permissive.getBrokersAsString());
        try (Consumer<String, TenantEventEnvelope> consumer = consumers.createConsumer("topic-check", "topic-check",
                null, elsewhere);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     permissive.getBrokersAsString()))) {
            consumer.subscribe(List.of(topic));
            consumer.poll(Duration.ofSeconds(1));
            assertThat(consumer.partitionsFor(topic, Duration.ofSeconds(10))).isEmpty();
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(topic);

            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, permissive.getBrokersAsString()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topic, "tenant", null)).get(10, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, TenantEventEnvelope>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).extracting(ConsumerRecord::key).containsExactly("tenant");
        } finally {
            permissive.destroy();
        }
    }
}
