package org.tenantregistry.query.projection;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far each projection's consumer group has come on the topic: per partition its committed offset against the
 * partition's end (the last stable offset, what a read-committed consumer can reach). Asked of the broker with a
 * timeout; a broker that does not answer in time makes the answer {@link Positions#unknown}, never an error.
 */
@Component
public class ConsumerLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    ConsumerLag(Admin admin) {
        this.admin = admin;
    }

    /** @param groups the consumer group of each projection, by projection name */
    public Positions of(String topic, Map<String, String> groups) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
            Map<String, ListConsumerGroupOffsetsSpec> specs = groups.values().stream().distinct().collect(
                    Collectors.toMap(Function.identity(), group -> new ListConsumerGroupOffsetsSpec()
                            .topicPartitions(partitions)));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = specs.isEmpty() ? Map.of()
                    : admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, List<PartitionPosition>> byProjection = new HashMap<>();
            groups.forEach((projection, group) -> byProjection.put(projection,
                    positions(partitions, earliest, latest, committed.getOrDefault(group, Map.of()))));
            return new Positions(true, null, byProjection);
        } catch (ExecutionException e) {
            return Positions.unknown(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return Positions.unknown("no broker answered within " + TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Positions.unknown("interrupted");
        } catch (RuntimeException e) {
            return Positions.unknown(e.toString());
        }
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** A group that committed nothing on a partition yet starts at its beginning (auto-offset-reset: earliest). */
    private static List<PartitionPosition> positions(List<TopicPartition> partitions, Map<TopicPartition, Long> earliest,
                                                     Map<TopicPartition, Long> latest,
                                                     Map<TopicPartition, OffsetAndMetadata> committed) {
        List<PartitionPosition> positions = new ArrayList<>();
        for (TopicPartition partition : partitions.stream()
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList()) {
            OffsetAndMetadata offset = committed.get(partition);
            long end = latest.getOrDefault(partition, 0L);
            long from = offset == null ? earliest.getOrDefault(partition, 0L) : offset.offset();
            positions.add(new PartitionPosition(partition.partition(), offset == null ? null : offset.offset(), end,
                    Math.max(0, end - from)));
        }
        return positions;
    }

    /**
     * @param known     whether the broker answered
     * @param error     why not; null when it did
     * @param positions per projection name, its partitions in order; empty when not known
     */
    public record Positions(boolean known, String error, Map<String, List<PartitionPosition>> positions) {

        static Positions unknown(String error) {
            return new Positions(false, error, Map.of());
        }
    }

    /** @param committed null when the group committed nothing on the partition */
    public record PartitionPosition(int partition, Long committed, long end, long lag) {
    }
}
