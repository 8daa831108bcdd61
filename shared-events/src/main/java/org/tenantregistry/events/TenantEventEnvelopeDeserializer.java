package org.tenantregistry.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka value deserializer for {@link TenantTopics#TENANT_EVENTS}: set it as {@code value.deserializer}, then
 * {@link TenantEventCodec#eventOf(TenantEventEnvelope)} gives the event record.
 */
public class TenantEventEnvelopeDeserializer implements Deserializer<TenantEventEnvelope> {

    private final TenantEventCodec codec = new TenantEventCodec();

    @Override
    public TenantEventEnvelope deserialize(String topic, byte[] data) {
        return data == null ? null : codec.read(data);
    }
}
