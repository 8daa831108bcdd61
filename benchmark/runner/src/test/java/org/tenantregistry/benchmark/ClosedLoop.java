package org.tenantregistry.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients, each sending its next request as soon as the last one was answered, for a fixed time after a warm-up.
 * Only answers within the measured window count; the benchmark JVM's own CPU share of the machine in that window tells
 * whether the client itself could have been the bottleneck.
 */
final class ClosedLoop {

    /** One request; true when it was answered as expected. */
    interface Operation {
        boolean run(int client, long n) throws Exception;
    }

    record Result(long ok, long failed, double seconds, Latencies latencies, double clientCpuShare) {

        double perSecond() {
            return ok / seconds;
        }

        String summary() {
            return String.format("%.0f/s (%d ok, %d failed in %.1f s), %s, client CPU %.0f%% of the machine",
                    perSecond(), ok, failed, seconds, latencies.summary(), clientCpuShare * 100);
        }
    }

    private ClosedLoop() {
    }

    static Result run(int clients, Duration warmUp, Duration measured, Operation operation) throws Exception {
        long start = System.nanoTime();
        long from = start + warmUp.toNanos();
        long until = from + measured.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies latencies = new Latencies();
        AtomicLong sequence = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long[] cpuAtStart = new long[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Latencies own = new Latencies();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= until) {
                        break;
                    }
                    boolean answered;
                    try {
                        answered = operation.run(client, sequence.getAndIncrement());
                    } catch (Exception e) {
                        answered = false;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= from && t1 <= until) {
                        if (answered) {
                            ok.incrementAndGet();
                            own.add(t1 - t0);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
                latencies.addAll(own);
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
        cpuAtStart[0] = processCpuNanos();
        long cpuWallStart = System.nanoTime();
        Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
        double cpuShare = (processCpuNanos() - cpuAtStart[0])
                / ((double) (System.nanoTime() - cpuWallStart) * Runtime.getRuntime().availableProcessors());
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(ok.get(), failed.get(), measured.toNanos() / 1e9, latencies, cpuShare);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
