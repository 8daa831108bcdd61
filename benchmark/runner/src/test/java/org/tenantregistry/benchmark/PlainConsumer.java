package org.tenantregistry.benchmark;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The rebuild's baseline: a plain consumer reading the whole topic from the start, records as bytes, no group. */
final class PlainConsumer {

    private PlainConsumer() {
    }

    /** Records per second until it has read {@code records}, or as far as it got within the bound. */
    static double read(String bootstrapServers, List<TopicPartition> partitions, long records, Duration bound) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long start = System.nanoTime();
            long deadline = start + bound.toNanos();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }
}
