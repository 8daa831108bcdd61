package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEventEnvelope;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a projection could not apply, kept with why. While it is open, its tenant's later events wait behind it
 * (in that projection only); a replay applies it and them, a skip records that it is left out and applies them.
 *
 * @param attempts     failed tries: the listener's before it gave up, plus one per failed replay
 * @param firstFailedAt when it became a dead letter
 * @param lastFailedAt  when it last failed (a replay)
 * @param skip          the operator's decision to leave it out, or null while it is open
 */
public record DeadLetter(
        long id,
        String projection,
        UUID tenantId,
        long sequence,
        String eventType,
        String reason,
        String errorClass,
        String errorMessage,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt,
        TenantEventEnvelope envelope,
        Skip skip) {

    public boolean open() {
        return skip == null;
    }

    /** @param by who decided: the subject of the skip's token */
    public record Skip(Instant at, String by, String reason) {
    }
}
