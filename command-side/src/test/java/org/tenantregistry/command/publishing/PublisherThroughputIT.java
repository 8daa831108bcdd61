package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.TenantDraft;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantTopics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.tenantregistry.command.publishing.KafkaPublisherIT.draft;

/**
 * A measurement, not a test: how fast the publisher drains a backlog of stored events onto the topic, and how long one
 * write takes to get there. It asserts nothing about speed and runs only when asked:
 * {@code -Dit.test=PublisherThroughputIT -Dpublisher.measure=true} ({@code -Dpublisher.measure.events=N} and
 * {@code -Dpublisher.measure.writes=N} for other sizes). The backlog is one real creation copied N times in one
 * transaction, each copy a tenant of its own, so the figure is the publisher's alone (with a key made for each
 * tenant whose copy holds personal fields).
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "publisher.measure", matches = "true")
class PublisherThroughputIT extends WithEmbeddedKafka {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;

    /**
     * Twice in the same run, so the two figures compare: a backlog of tenants without personal data, then one of tenants
     * with an address, whose fields the publisher seals with each tenant's own key (made on its first event).
     */
    @Test
    void measuresHowFastABacklogReachesTheTopic() {
        int events = Integer.getInteger("publisher.measure.events", 20_000);
        try (KafkaConsumer<byte[], byte[]> offsets = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            measureBacklog(offsets, events, "without personal data", draft("Template Tenant"));
            measureBacklog(offsets, events, "with sealed personal fields", new TenantDraft("Template Tenant", null,
                    null, null, null, null, null, new Profile("Carrier", "Hauptstrasse 1", "Berlin", "10115", "DE"),
                    null, null, null, null));
        }
    }

    private void measureBacklog(KafkaConsumer<byte[], byte[]> offsets, int events, String kind, TenantDraft template) {
        UUID id = UUID.randomUUID();
        long before = onTopic(offsets);
        commands.sendAndWait(new CreateTenant(id, template));
        await().atMost(Duration.ofSeconds(60)).until(() -> onTopic(offsets) == before + 1);

        long start = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        SELECT gen_random_uuid()::text, 0, e.type, gen_random_uuid()::text, e.meta_data, e.payload,
                            e.payload_revision, e.payload_type, e.time_stamp
                        FROM domain_event_entry e, generate_series(1, ?)
                        WHERE e.aggregate_identifier = ?""")
                .params(events, id.toString()).update();
        long stored = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> onTopic(offsets) >= before + 1 + events);
        long published = System.nanoTime();
        double seconds = (published - stored) / 1e9;
        System.out.printf("PUBLISHER MEASUREMENT: %d events %s stored in %.2f s, on the topic %.2f s later: "
                        + "%.0f events/s%n", events, kind, (stored - start) / 1e9, seconds, events / seconds);
    }

    /** One create at a time, each waiting for the last to be on the topic: what the publisher adds to a write. */
    @Test
    void measuresHowLongOneWriteTakesToReachTheTopic() {
        int writes = Integer.getInteger("publisher.measure.writes", 300);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            commands.sendAndWait(new CreateTenant(UUID.randomUUID(), draft("Warm Up")));
            await().atMost(Duration.ofSeconds(60)).until(() -> onTopic(consumer) >= 1);
            List<TopicPartition> partitions = consumer.partitionsFor(TenantTopics.TENANT_EVENTS, Duration.ofSeconds(5))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long[] lags = new long[writes];
            for (int i = 0; i < writes; i++) {
                UUID id = UUID.randomUUID();
                commands.sendAndWait(new CreateTenant(id, draft("Latency " + i)));
                long written = System.nanoTime();
                boolean arrived = false;
                while (!arrived) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        arrived |= id.toString().equals(record.key());
                    }
                }
                lags[i] = System.nanoTime() - written;
            }
            Arrays.sort(lags);
            System.out.printf("PUBLISHER MEASUREMENT: %d writes one at a time, from the command's answer to the "
                            + "record on the topic: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", writes,
                    lags[writes / 2] / 1e6, lags[writes * 99 / 100] / 1e6, lags[writes - 1] / 1e6);
        }
    }

    private long onTopic(KafkaConsumer<?, ?> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(TenantTopics.TENANT_EVENTS, Duration.ofSeconds(5))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
}
