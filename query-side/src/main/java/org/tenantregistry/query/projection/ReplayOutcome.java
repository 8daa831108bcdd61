package org.tenantregistry.query.projection;

import java.util.UUID;

/**
 * What a replay or a skip of a dead letter did.
 *
 * @param applied          events applied: the dead letter (unless skipped) and the parked events behind it
 * @param version          the tenant's version in the projection afterwards
 * @param nextDeadLetterId a parked event behind it that could not be applied either, and is now the dead letter
 *                         its tenant waits behind; null when none
 */
public record ReplayOutcome(long deadLetterId, String projection, UUID tenantId, long sequence, int applied,
                            long version, Long nextDeadLetterId) {
}
