package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.config.TenantEventsTopic;
import org.tenantregistry.command.erasure.EnvelopeSealing;
import org.tenantregistry.command.tenant.CommandMetadata;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantTopics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Kafka records of one stored event: its envelope, with the personal fields sealed with the tenant's key, and
 * after a purge a tombstone so downstream forgets the tenant.
 */
@Component
class TenantEventRecords {

    static final String ANONYMOUS = "anonymous";

    private final TenantEventCodec codec = new TenantEventCodec();
    private final TenantEventsTopic topic;
    private final EnvelopeSealing sealing;

    TenantEventRecords(TenantEventsTopic topic, EnvelopeSealing sealing) {
        this.topic = topic;
        this.sealing = sealing;
    }

    private static String metadata(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    List<ProducerRecord<String, byte[]>> of(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof TenantEvent event)) {
            throw new IllegalArgumentException("not a tenant event: " + message.getPayloadType().getName());
        }
        Object actor = message.getMetaData().get(CommandMetadata.ACTOR);
        TenantEventEnvelope envelope = sealing.seal(codec.wrap(event, UUID.fromString(message.getIdentifier()),
                message.getSequenceNumber(), message.getTimestamp(),
                actor == null ? ANONYMOUS : actor.toString(),
                metadata(message, CommandMetadata.CORRELATION_ID), metadata(message, CommandMetadata.CLIENT_ID),
                metadata(message, CommandMetadata.REASON)));
        // The key is the tenant id: Kafka keeps the records of one key on one partition, in the order they were sent.
        String key = envelope.tenantId().toString();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(2);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, codec.write(envelope));
        record.headers()
                .add(new RecordHeader(TenantTopics.TYPE_HEADER, utf8(envelope.type())))
                .add(new RecordHeader(TenantTopics.SCHEMA_VERSION_HEADER, utf8(String.valueOf(envelope.schemaVersion()))));
        records.add(record);
        if (event instanceof TenantPurged) {
            records.add(new ProducerRecord<>(topic.name(), key, null));
        }
        return records;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
