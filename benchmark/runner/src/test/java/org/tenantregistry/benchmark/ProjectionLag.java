package org.tenantregistry.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates at a fixed offered rate (open loop: each create is due at its time, whether or not the last one was
 * answered) for a fixed time; every n-th created tenant is then read on the query side with
 * {@code GET /api/tenants/{id}?min_version=<id>:<version>}, which answers once the read model shows it (after 503
 * the read is repeated). Lag = from the create's 2xx to that read's 200. After the load: the time from the last 2xx
 * until the last {@value #TAIL} created tenants (they span every partition) are all readable.
 */
final class ProjectionLag {

    private static final int TAIL = 60;
    private static final int MAX_IN_FLIGHT = 64;

    record Result(double offeredPerSecond, double achievedPerSecond, long failed, Latencies lag, long censored,
                  Duration drain, boolean drained, double clientCpuShare) {
    }

    private record Created(String id, long version, long answeredNanos) {
    }

    private final Http commands;
    private final Http queries;
    private final AtomicLong createdCounter;

    ProjectionLag(Http commands, Http queries, AtomicLong createdCounter) {
        this.commands = commands;
        this.queries = queries;
        this.createdCounter = createdCounter;
    }

    Result run(String prefix, int perSecond, Duration duration, int sampleEvery, Duration sampleBound,
               Duration drainBound) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
        ExecutorService readers = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Latencies lag = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong censored = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        ConcurrentLinkedDeque<Created> recent = new ConcurrentLinkedDeque<>();
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long cpuStart = ClosedLoop.processCpuNanos();
        long n = 0;
        for (long due = start; due < end; due += intervalNanos, n++) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                failed.incrementAndGet();
                continue;
            }
            long number = n;
            writers.execute(() -> {
                try {
                    Http.Answer answer = commands.post("/api/tenants", TenantDrafts.json(prefix, number));
                    long answered = System.nanoTime();
                    if (answer.status() / 100 != 2) {
                        failed.incrementAndGet();
                        return;
                    }
                    ok.incrementAndGet();
                    createdCounter.incrementAndGet();
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    Created created = new Created(answer.json().path("data").path("id").asString(),
                            answer.json().path("data").path("version").asLong(1), answered);
                    recent.addLast(created);
                    if (recent.size() > TAIL) {
                        recent.pollFirst();
                    }
                    if (number % sampleEvery == 0) {
                        readers.execute(() -> awaitVisible(created, sampleBound, lag, censored));
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    inFlight.release();
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuShare = (ClosedLoop.processCpuNanos() - cpuStart)
                / (seconds * 1e9 * Runtime.getRuntime().availableProcessors());
        List<Created> tail = new ArrayList<>(recent);
        long drainDeadline = lastAnswer.get() + drainBound.toNanos();
        boolean drained = false;
        while (System.nanoTime() < drainDeadline) {
            tail.removeIf(this::visibleNow);
            if (tail.isEmpty()) {
                drained = true;
                break;
            }
            Thread.sleep(10);
        }
        Duration drain = Duration.ofNanos(System.nanoTime() - lastAnswer.get());
        readers.shutdown();
        if (!readers.awaitTermination(sampleBound.toSeconds() + 5, TimeUnit.SECONDS)) {
            readers.shutdownNow();
        }
        return new Result(perSecond, ok.get() * 1e9 / duration.toNanos(), failed.get(), lag, censored.get(), drain,
                drained, cpuShare);
    }

    private void awaitVisible(Created created, Duration bound, Latencies lag, AtomicLong censored) {
        long deadline = created.answeredNanos() + bound.toNanos();
        String path = "/api/tenants/" + created.id() + "?min_version=" + created.id() + ":" + created.version();
        while (System.nanoTime() < deadline) {
            try {
                if (queries.get(path).status() == 200) {
                    lag.add(System.nanoTime() - created.answeredNanos());
                    return;
                }
                // 503 (not there within the wait bound, or too many waiters) or 404: ask again shortly.
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // A timed-out read counts as not visible yet.
            }
        }
        lag.add(bound.toNanos());
        censored.incrementAndGet();
    }

    private boolean visibleNow(Created created) {
        try {
            return queries.get("/api/tenants/" + created.id()).status() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
