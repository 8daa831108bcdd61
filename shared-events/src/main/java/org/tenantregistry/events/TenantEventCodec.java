package org.tenantregistry.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes {@link TenantEventEnvelope}s and the events inside them. Thread-safe; one instance serves a whole
 * application. Unknown fields are ignored, so that a consumer keeps working when the contract gains optional fields.
 */
public final class TenantEventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public TenantEventEnvelope wrap(TenantEvent event, UUID eventId, long sequence, Instant occurredAt,
                                    String actor, String correlationId, String clientId, String reason) {
        return new TenantEventEnvelope(eventId, TenantEventTypes.nameOf(event.getClass()), event.tenantId(), sequence,
                occurredAt, actor, correlationId, clientId, reason, TenantEventTypes.CURRENT_SCHEMA_VERSION,
                mapper.valueToTree(event));
    }

    public byte[] write(TenantEventEnvelope envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    /** @throws MalformedEnvelopeException when the bytes are not an envelope */
    public TenantEventEnvelope read(byte[] json) {
        try {
            TenantEventEnvelope envelope = mapper.readValue(json, TenantEventEnvelope.class);
            if (envelope.type() == null || envelope.tenantId() == null || envelope.data() == null) {
                throw new MalformedEnvelopeException("envelope lacks type, tenant_id or data", null);
            }
            return envelope;
        } catch (JacksonException e) {
            throw new MalformedEnvelopeException("not a tenant event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The event inside the envelope, or empty when its type is unknown to this version of the contract.
     *
     * @throws MalformedEnvelopeException when the data does not fit the event type
     */
    public Optional<TenantEvent> eventOf(TenantEventEnvelope envelope) {
        return TenantEventTypes.classOf(envelope.type()).map(type -> {
            try {
                return mapper.treeToValue(envelope.data(), type);
            } catch (JacksonException e) {
                throw new MalformedEnvelopeException(
                        "data of " + envelope.type() + " does not fit: " + e.getOriginalMessage(), e);
            }
        });
    }

    /** Plain JSON of one event record, as it appears in an envelope's {@code data}. */
    public byte[] writeEvent(TenantEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public <T extends TenantEvent> T readEvent(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedEnvelopeException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
