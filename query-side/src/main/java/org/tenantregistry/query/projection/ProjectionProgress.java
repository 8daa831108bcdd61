package org.tenantregistry.query.projection;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes: lets a query wait until a projection has applied given tenant versions. Waiters sleep on a monitor
 * that local commits wake up, and look at the tracking table again at least every poll interval for commits made by
 * another instance; nothing spins.
 */
@Component
public class ProjectionProgress {

    private final ProjectionTracking tracking;
    private final LongTaskTimer waits;
    private final Object monitor = new Object();
    private long commits;

    ProjectionProgress(ProjectionTracking tracking, MeterRegistry registry) {
        this.tracking = tracking;
        this.waits = LongTaskTimer.builder("tenant.registry.query.consistency.waits")
                .description("Queries waiting for a projection to reach a min_version")
                .register(registry);
    }

    /** @throws ProjectionLagException when the bound passes first */
    public void awaitApplied(String projection, Collection<VersionToken> tokens, WaitBound bound) {
        if (tokens.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + bound.maxWait().toNanos();
        LongTaskTimer.Sample sample = waits.start();
        try {
            while (true) {
                long seenCommits = commits();
                List<VersionToken> pending = tracking.notYetApplied(projection, tokens);
                if (pending.isEmpty()) {
                    return;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new ProjectionLagException(projection, pending, bound.maxWait());
                }
                sleepUntilCommitOr(seenCommits, Math.min(remaining, bound.pollInterval().toNanos()));
            }
        } finally {
            sample.stop();
        }
    }

    /** How many queries wait right now. */
    public int waiting() {
        return waits.activeTasks();
    }

    void committed() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }

    private long commits() {
        synchronized (monitor) {
            return commits;
        }
    }

    private void sleepUntilCommitOr(long seenCommits, long nanos) {
        synchronized (monitor) {
            if (commits != seenCommits) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(monitor, Math.max(nanos, 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a projection", e);
            }
        }
    }
}
