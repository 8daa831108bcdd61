package org.tenantregistry.command.audit;

import java.time.Instant;

/**
 * A recorded erasure of personal fields from one stored payload (table {@code event_redaction}).
 *
 * @param originalDigest the data digest the chain holds: of the payload before the erasure
 * @param redactedDigest the data digest of the payload as now stored
 */
public record Redaction(String tenantId, long sequence, String originalDigest, String redactedDigest,
                        Instant redactedAt, String reason) {
}
