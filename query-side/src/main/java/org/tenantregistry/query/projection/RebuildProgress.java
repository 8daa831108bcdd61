package org.tenantregistry.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A running rebuild's counters, written by its thread and read by status requests. */
final class RebuildProgress {

    private final String projection;
    private final Clock clock;
    private final Instant startedAt;
    private RebuildStatus.State state = RebuildStatus.State.RUNNING;
    private RebuildStatus.Phase phase = RebuildStatus.Phase.PREPARING;
    private Instant finishedAt;
    private long done;
    private long total;
    private long applied;
    private String error;

    RebuildProgress(String projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    synchronized void replaying(long total) {
        this.phase = RebuildStatus.Phase.REPLAYING;
        this.total = total;
    }

    synchronized void phase(RebuildStatus.Phase phase) {
        this.phase = phase;
    }

    /** @param done offsets read up to the end captured at the start */
    synchronized void read(long done, int appliedNow) {
        this.done = Math.min(done, total);
        this.applied += appliedNow;
    }

    synchronized void done() {
        end(RebuildStatus.State.DONE, null);
    }

    synchronized void failed(String error) {
        end(RebuildStatus.State.FAILED, error);
    }

    private void end(RebuildStatus.State state, String error) {
        this.state = state;
        this.phase = RebuildStatus.Phase.ENDED;
        this.error = error;
        this.finishedAt = clock.instant();
    }

    synchronized RebuildStatus snapshot() {
        Instant until = finishedAt == null ? clock.instant() : finishedAt;
        double seconds = Duration.between(startedAt, until).toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        Long eta = state != RebuildStatus.State.RUNNING ? null
                : done >= total ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((total - done) / rate)) : null;
        return new RebuildStatus(projection, state, phase, startedAt, finishedAt, done, total, applied,
                Math.round(rate * 10) / 10.0, eta, error);
    }
}
