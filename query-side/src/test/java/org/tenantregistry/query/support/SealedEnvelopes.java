package org.tenantregistry.query.support;

import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventEnvelope;

import java.util.List;

/** Envelopes as the command side publishes them since personal fields travel sealed. */
public final class SealedEnvelopes {

    /** The command side's default personal fields. */
    public static final List<String> PERSONAL = List.of("email", "profile.address", "profile.city", "profile.post_code");

    private SealedEnvelopes() {
    }

    public static TenantEventEnvelope sealed(TenantEventEnvelope envelope, byte[] key) {
        return new TenantEventEnvelope(envelope.eventId(), envelope.type(), envelope.tenantId(), envelope.sequence(),
                envelope.occurredAt(), envelope.actor(), envelope.correlationId(), envelope.clientId(),
                envelope.reason(), envelope.schemaVersion(),
                SealedFields.seal(envelope.data(), PERSONAL, key, envelope.tenantId(), envelope.eventId()));
    }
}
