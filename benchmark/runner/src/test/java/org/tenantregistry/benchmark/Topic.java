package org.tenantregistry.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.tenantregistry.events.TenantTopics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The {@code tenant-events} topic seen from outside: its end offsets (every record published so far) and how far each
 * consumer group reading it (the query side's projections, whatever their names) has committed.
 */
final class Topic implements AutoCloseable {

    static final String NAME = TenantTopics.TENANT_EVENTS;

    private final Admin admin;
    final String bootstrapServers;

    Topic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    List<TopicPartition> partitions() throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(NAME)).allTopicNames().get().get(NAME).partitions().stream()
                .map(partition -> new TopicPartition(NAME, partition.partition()))
                .toList();
    }

    Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = partitions().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    long published() throws ExecutionException, InterruptedException {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Committed offsets of every consumer group that has any on the topic. */
    Map<String, Map<TopicPartition, Long>> committed() throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, Long>> groups = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> onTopic = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(NAME) && offset != null) {
                    onTopic.put(partition, offset.offset());
                }
            });
            if (!onTopic.isEmpty()) {
                groups.put(group.groupId(), onTopic);
            }
        }
        return groups;
    }

    /** The records of the topic the slowest group has not committed yet (all of them for a group not started). */
    long slowestLag(Map<TopicPartition, Long> target, int expectedGroups)
            throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, Long>> groups = committed();
        long total = target.values().stream().mapToLong(Long::longValue).sum();
        if (groups.size() < expectedGroups) {
            return total;
        }
        long worst = 0;
        for (Map<TopicPartition, Long> offsets : groups.values()) {
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
                lag += Math.max(0, end.getValue() - offsets.getOrDefault(end.getKey(), 0L));
            }
            worst = Math.max(worst, lag);
        }
        return worst;
    }

    @Override
    public void close() {
        admin.close();
    }
}
