package org.tenantregistry.benchmark;

import java.util.Arrays;

/** Latencies in nanoseconds, as a workload's threads recorded them; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The quantile (0..1) in milliseconds; NaN with no samples. */
    synchronized double millis(double quantile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    String summary() {
        return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", count(), millis(0.5), millis(0.99),
                millis(1.0));
    }
}
