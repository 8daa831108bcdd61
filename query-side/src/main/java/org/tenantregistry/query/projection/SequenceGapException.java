package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEventEnvelope;

/**
 * An event arrived before one it follows: applying it would build a read model that never existed. The error handler
 * retries it with back-off, then parks it until the missing event arrives.
 */
public class SequenceGapException extends RuntimeException {

    private final String projection;
    private final transient TenantEventEnvelope envelope;
    private final long expectedSequence;

    public SequenceGapException(String projection, TenantEventEnvelope envelope, long expectedSequence) {
        super("projection " + projection + ": tenant " + envelope.tenantId() + " expects sequence " + expectedSequence
                + " but got " + envelope.sequence() + " (" + envelope.type() + ")");
        this.projection = projection;
        this.envelope = envelope;
        this.expectedSequence = expectedSequence;
    }

    public String projection() {
        return projection;
    }

    public TenantEventEnvelope envelope() {
        return envelope;
    }

    public long expectedSequence() {
        return expectedSequence;
    }
}
