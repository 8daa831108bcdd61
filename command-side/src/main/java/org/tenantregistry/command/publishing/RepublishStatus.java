package org.tenantregistry.command.publishing;

import java.time.Instant;

/**
 * A republish job: what it sends, how far it is, how it ended.
 *
 * @param done          events the broker acknowledged again so far
 * @param total         events to send, counted when the job started
 * @param ratePerSecond events done per second since the start
 * @param error         why it failed; null unless it did
 */
public record RepublishStatus(
        String state,
        RepublishRequest request,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        long done,
        long total,
        double ratePerSecond,
        String error) {
}
