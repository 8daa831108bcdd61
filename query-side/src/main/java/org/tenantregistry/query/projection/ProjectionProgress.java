package org.tenantregistry.query.projection;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Read-your-writes: tells a query when a projection has applied given tenant versions. A waiting query holds no
 * thread: it is a future that the projection's commits complete (they say which tenants reached which sequence), that
 * a poll of the tracking table completes for commits of another instance, and that fails once the wait bound passes.
 * The number of waiting queries is bounded.
 */
@Component
public class ProjectionProgress implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProgress.class);

    private final ProjectionTracking tracking;
    private final WaitBound bound;
    private final LongTaskTimer waits;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicInteger places = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "min-version-waits");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionProgress(ProjectionTracking tracking, WaitBound bound, MeterRegistry registry) {
        this.tracking = tracking;
        this.bound = bound;
        this.waits = LongTaskTimer.builder("tenant.registry.query.consistency.waits")
                .description("Queries waiting for a projection to reach a min_version")
                .register(registry);
        long poll = Math.max(1, bound.pollInterval().toMillis());
        timer.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    /**
     * Completes once the projection has applied every token, or fails with {@link ProjectionLagException} when the
     * wait bound passes first. Already complete when nothing needs waiting for.
     *
     * @throws TooManyWaitersException when every place for a waiting query is taken
     */
    public CompletableFuture<Void> whenApplied(String projection, Collection<VersionToken> tokens) {
        if (tokens.isEmpty() || tracking.notYetApplied(projection, tokens).isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (places.incrementAndGet() > bound.maxWaiters()) {
            places.decrementAndGet();
            throw new TooManyWaitersException(bound.maxWaiters());
        }
        Waiter waiter = new Waiter(projection, tokens);
        LongTaskTimer.Sample sample = waits.start();
        waiters.add(waiter);
        // The caller's future follows the bookkeeping, so that what it does next (wait for another projection)
        // finds this place free again: a dependent of the waiter's own future could run before it.
        CompletableFuture<Void> released = waiter.future.whenComplete((ignored, failure) -> {
            waiters.remove(waiter);
            places.decrementAndGet();
            sample.stop();
        });
        ScheduledFuture<?> timeout = timer.schedule(waiter::expire, bound.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        waiter.future.whenComplete((ignored, failure) -> timeout.cancel(false));
        // A commit between the first look and the registration went unseen: look once more, now that commits see it.
        try {
            waiter.stillPending(Set.copyOf(tracking.notYetApplied(projection, tokens)));
        } catch (RuntimeException e) {
            waiter.future.completeExceptionally(e);
        }
        return released;
    }

    /** How many queries wait right now. */
    public int waiting() {
        return waiters.size();
    }

    /**
     * Called right after a projection's transaction committed, with what it applied: the waiters it satisfies complete
     * at once, on the committing thread, and their queries go to the task executor. A batch's progress is looked up
     * per tenant, so a big batch and many waiters cost one pass over the waiters' tokens.
     */
    void committed(String projection, List<Reached> reached) {
        if (reached.isEmpty() || waiters.isEmpty()) {
            return;
        }
        // In the order applied, so a tenant's later progress wins.
        Map<UUID, Reached> byTenant = new HashMap<>();
        reached.forEach(progress -> byTenant.put(progress.tenantId(), progress));
        for (Waiter waiter : waiters) {
            if (waiter.projection.equals(projection)) {
                waiter.reached(byTenant);
            }
        }
    }

    private void poll() {
        if (waiters.isEmpty()) {
            return;
        }
        try {
            var byProjection = waiters.stream().collect(Collectors.groupingBy(waiter -> waiter.projection));
            byProjection.forEach((projection, group) -> {
                Set<VersionToken> tokens = group.stream().flatMap(waiter -> waiter.pending().stream())
                        .collect(Collectors.toSet());
                if (!tokens.isEmpty()) {
                    Set<VersionToken> pending = Set.copyOf(tracking.notYetApplied(projection, tokens));
                    group.forEach(waiter -> waiter.stillPending(pending));
                }
            });
        } catch (RuntimeException e) {
            // The database may be away; the waiters time out on their own if it stays away.
            log.debug("Could not look at the projections' progress: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private final class Waiter {

        private final String projection;
        private final Set<VersionToken> pending;
        private final CompletableFuture<Void> future = new CompletableFuture<>();

        private Waiter(String projection, Collection<VersionToken> tokens) {
            this.projection = projection;
            this.pending = new LinkedHashSet<>(tokens);
        }

        private synchronized Set<VersionToken> pending() {
            return Set.copyOf(pending);
        }

        private void reached(Map<UUID, Reached> progress) {
            update(() -> pending.removeIf(token -> {
                Reached reached = progress.get(token.tenantId());
                return reached != null && reached.covers(token);
            }));
        }

        private void stillPending(Set<VersionToken> stillPending) {
            update(() -> pending.retainAll(stillPending));
        }

        private void update(Runnable change) {
            boolean done;
            synchronized (this) {
                change.run();
                done = pending.isEmpty();
            }
            if (done) {
                future.complete(null);
            }
        }

        private void expire() {
            future.completeExceptionally(new ProjectionLagException(projection, List.copyOf(pending()), bound.maxWait()));
        }
    }
}
