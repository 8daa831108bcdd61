package org.tenantregistry.query.erasure;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import tools.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Optional;

/**
 * The one place where the projections' events come out of their envelopes: every projection, parked event, dead
 * letter replay and rebuild reads its events through here, so each sees the personal fields opened. An envelope
 * without sealed values (published before fields were sealed, or with no personal field) needs no key and costs no
 * call. The envelope itself is never changed: what is parked or set aside as a dead letter stays as it came from the
 * topic, sealed, so no copy of opened personal data outlives the tenant's purge but the read models' rows, which the
 * purge deletes.
 */
@Component
public class EnvelopeOpening {

    private final EventKeys keys;
    private final TenantEventCodec codec;

    public EnvelopeOpening(EventKeys keys, TenantEventCodec codec) {
        this.keys = keys;
        this.codec = codec;
    }

    /**
     * The event inside the envelope with its sealed fields opened, or null where the tenant's key is destroyed; empty
     * when the type is unknown to this version of the contract.
     *
     * @throws EventKeyUnavailableException when the envelope holds sealed values and the key cannot be had now
     * @throws org.tenantregistry.events.MalformedEnvelopeException when the data does not fit the type, a sealed value
     *                                      does not open with the tenant's key ({@code SealedValueException}) or the
     *                                      command side knows no such tenant ({@link EventKeyNotFoundException})
     */
    public Optional<TenantEvent> eventOf(TenantEventEnvelope envelope) {
        return codec.eventOf(opened(envelope));
    }

    /**
     * Asks for the keys the envelopes need before the caller opens its database transaction, so that a slow or absent
     * command side holds no connection or lock meanwhile; the keys are then kept ({@code cache-ttl}) for the opening.
     * A tenant the command side does not know is left to the opening, which makes the event a dead letter.
     *
     * @throws EventKeyUnavailableException when a key cannot be had now
     */
    public void fetchKeys(Collection<TenantEventEnvelope> envelopes) {
        keys.fetch(envelopes.stream()
                .filter(envelope -> holdsSealed(envelope.data()))
                .map(TenantEventEnvelope::tenantId)
                .distinct()
                .toList());
    }

    /** A copy of the envelope with its data opened; the envelope itself when nothing in it is sealed. */
    TenantEventEnvelope opened(TenantEventEnvelope envelope) {
        if (!holdsSealed(envelope.data())) {
            return envelope;
        }
        byte[] key = keys.keyOf(envelope.tenantId()).orElse(null);
        return envelope.withData(SealedFields.open(envelope.data(), key, envelope.tenantId(), envelope.eventId()));
    }

    /** Looks where {@link SealedFields#open} does: the members of objects, nested at any depth. */
    private static boolean holdsSealed(JsonNode node) {
        if (SealedFields.isSealed(node)) {
            return true;
        }
        if (!node.isObject()) {
            return false;
        }
        for (JsonNode member : node.values()) {
            if (holdsSealed(member)) {
                return true;
            }
        }
        return false;
    }
}
