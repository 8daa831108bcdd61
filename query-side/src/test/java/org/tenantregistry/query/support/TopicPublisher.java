package org.tenantregistry.query.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Plays the command side's publisher: envelopes on the query side's topic, keyed by tenant id, with the contract's headers. */
public class TopicPublisher implements DisposableBean {

    private final TenantEventCodec codec = new TenantEventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public TopicPublisher(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                          @Value("${tenant-registry.query.topic}") String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(List<TenantEventEnvelope> envelopes) {
        envelopes.forEach(this::publish);
    }

    public void publish(TenantEventEnvelope envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic,
                envelope.tenantId().toString(), codec.write(envelope));
        record.headers().add(TenantTopics.TYPE_HEADER, envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(TenantTopics.SCHEMA_VERSION_HEADER,
                Integer.toString(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** Bytes that are not what they claim to be, or null for a tombstone. */
    public void publishRaw(String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker refused the record", e);
        }
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
