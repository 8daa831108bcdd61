package org.tenantregistry.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Memory of a set of processes from /proc: the sum of their resident set sizes (shared pages, such as PostgreSQL's
 * shared buffers, count once per process that touched them) and the sum of their proportional set sizes (each shared
 * page split among its users), which is what the processes take from the machine together.
 */
record ProcessMemory(int processes, long rssBytes, long pssBytes) {

    static ProcessMemory of(Collection<Long> pids) {
        long rss = 0;
        long pss = 0;
        int counted = 0;
        for (long pid : pids) {
            long r = kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            if (r < 0) {
                continue;
            }
            counted++;
            rss += r * 1024;
            long p = kilobytes(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
            pss += Math.max(0, p) * 1024;
        }
        return new ProcessMemory(counted, rss, pss);
    }

    double rssMiB() {
        return rssBytes / 1048576.0;
    }

    double pssMiB() {
        return pssBytes / 1048576.0;
    }

    private static long kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
