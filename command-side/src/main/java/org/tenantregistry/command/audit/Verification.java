package org.tenantregistry.command.audit;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a recomputation of a tenant's chain from the event store found.
 *
 * @param verified    every stored event has a link and every link recomputes to the recorded hash
 * @param events      how many events the tenant has in the event store
 * @param head        the recorded hash of the tenant's last link (what checkpoints hold); null when it has none
 * @param firstBroken the first link that does not hold, with why; null when verified
 * @param redactions  the sequences of the events whose payload verified as a recorded redaction
 */
public record Verification(boolean verified, int events, @Nullable String head, @Nullable Break firstBroken,
                           List<Long> redactions) {

    /**
     * @param expected the hash the chain records for the event (null when it records none)
     * @param found    the hash recomputed from the event store (null when the event is missing)
     * @param why      what differs
     */
    public record Break(long sequence, @Nullable String expected, @Nullable String found, String why) {
    }
}
