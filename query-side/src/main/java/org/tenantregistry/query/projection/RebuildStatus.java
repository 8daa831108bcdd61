package org.tenantregistry.query.projection;

import java.time.Instant;
import java.util.Locale;

/**
 * Where a projection's rebuild stands: what a status request shows while it runs and after it ended.
 *
 * @param eventsDone    records of the topic read so far, counted in offsets up to the end captured at the start
 *                      (transaction markers take an offset each, so this may exceed the events by a little)
 * @param eventsTotal   the offsets from the beginning of each partition to its end when the rebuild started
 * @param eventsApplied envelopes handed to the projection, the catching up after the start included
 * @param ratePerSecond events done per second since the rebuild started
 * @param etaSeconds    how long the replay up to the captured end still takes at that rate; null when not known
 * @param error         why it failed; null unless it did
 */
public record RebuildStatus(
        String projection,
        State state,
        Phase phase,
        Instant startedAt,
        Instant finishedAt,
        long eventsDone,
        long eventsTotal,
        long eventsApplied,
        double ratePerSecond,
        Long etaSeconds,
        String error) {

    public enum State {
        RUNNING, DONE, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Phase {
        /** The shadow tables are made. */
        PREPARING,
        /** The topic is read from the beginning up to the end offsets captured at the start. */
        REPLAYING,
        /** What arrived since the start is read, the live model still serving. */
        CATCHING_UP,
        /** Under the projection's swap lock: the last events, then the copy into the live tables, in one transaction. */
        SWAPPING,
        /** Over, done or failed. */
        ENDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
