package org.tenantregistry.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantEventEnvelopeDeserializer;
import org.tenantregistry.events.TenantTopics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Reads {@code tenant-events} from the start, as a downstream service would, using only the published contract. */
final class TopicRecords implements AutoCloseable {

    private final KafkaConsumer<String, TenantEventEnvelope> consumer;
    private final Map<String, List<Long>> sequencesByTenant = new ConcurrentHashMap<>();

    TopicRecords(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new TenantEventEnvelopeDeserializer());
        consumer.subscribe(List.of(TenantTopics.TENANT_EVENTS));
    }

    /** The sequence numbers seen so far for the tenant, in the order they arrived. */
    List<Long> sequencesOf(String tenantId) {
        poll();
        return List.copyOf(sequencesByTenant.getOrDefault(tenantId, List.of()));
    }

    /**
     * Every tenant's sequence numbers seen so far, each in the order they arrived (duplicates included), after reading
     * what the broker has until a poll brings nothing new.
     */
    Map<String, List<Long>> sequencesByTenant() {
        // Each poll brings at most max.poll.records; the next one goes on where it stopped.
        int read;
        do {
            read = poll();
        } while (read > 0);
        Map<String, List<Long>> snapshot = new HashMap<>();
        sequencesByTenant.forEach((tenant, sequences) -> snapshot.put(tenant, List.copyOf(sequences)));
        return snapshot;
    }

    private int poll() {
        ConsumerRecords<String, TenantEventEnvelope> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, TenantEventEnvelope> record : records) {
            if (record.value() != null) {
                sequencesByTenant.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(record.value().sequence());
            }
        }
        return records.count();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
