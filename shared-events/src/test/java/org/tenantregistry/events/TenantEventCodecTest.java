package org.tenantregistry.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantEventCodecTest {

    private final TenantEventCodec codec = new TenantEventCodec();

    @Test
    void aConsumerSkipsAnEventTypeItDoesNotKnow() {
        TenantEventEnvelope envelope = codec.read(envelope("TenantTeleported", "{\"tenant_id\":\"" + SampleEvents.TENANT_ID + "\"}"));

        assertThat(codec.eventOf(envelope)).isEmpty();
    }

    @Test
    void aConsumerIgnoresFieldsAddedToTheContractLater() {
        TenantEventEnvelope envelope = codec.read(envelope("TenantPurged",
                "{\"tenant_id\":\"" + SampleEvents.TENANT_ID + "\",\"purged_by_policy\":\"gdpr\"}"));

        assertThat(codec.eventOf(envelope)).contains(new TenantPurged(SampleEvents.TENANT_ID));
    }

    @Test
    void bytesThatAreNoEnvelopeAreRefusedClearly() {
        assertThatThrownBy(() -> codec.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class);
        assertThatThrownBy(() -> codec.read("{\"type\":\"TenantPurged\",\"sequence\":1,\"schema_version\":1}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("tenant_id");
        assertThatThrownBy(() -> codec.read("{\"type\":\"TenantPurged\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("long");
    }

    @Test
    void theKafkaDeserializerReadsEnvelopesAndPassesTombstonesThrough() {
        try (TenantEventEnvelopeDeserializer deserializer = new TenantEventEnvelopeDeserializer()) {
            assertThat(deserializer.deserialize(TenantTopics.TENANT_EVENTS, null)).isNull();
            assertThat(deserializer.deserialize(TenantTopics.TENANT_EVENTS, envelope("TenantPurged",
                    "{\"tenant_id\":\"" + SampleEvents.TENANT_ID + "\"}")).tenantId()).isEqualTo(SampleEvents.TENANT_ID);
        }
    }

    private static byte[] envelope(String type, String data) {
        return ("{\"event_id\":\"0b6e7c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e\",\"type\":\"" + type + "\","
                + "\"tenant_id\":\"" + SampleEvents.TENANT_ID + "\",\"sequence\":3,"
                + "\"occurred_at\":\"2026-11-22T09:30:00Z\",\"actor\":\"anonymous\",\"correlation_id\":\"c\","
                + "\"schema_version\":1,\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    }
}
