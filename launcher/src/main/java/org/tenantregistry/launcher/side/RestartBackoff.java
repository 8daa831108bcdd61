package org.tenantregistry.launcher.side;

import java.time.Duration;

/**
 * How long to wait before restarting a side that exited: 1 s, 2 s, 4 s … at most 30 s, so that a side that cannot
 * start does not spin, and one that crashed once is back at once. A side that ran for a while before it exited starts
 * the count again.
 */
final class RestartBackoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(30);
    /** Longer than a side takes to start and fail: a side that ran this long was working. */
    static final Duration STABLE_RUN = Duration.ofMinutes(2);

    private int attempt;

    /** The delay before the next restart of a side that ran for {@code uptime}; counts the attempt. */
    Duration next(Duration uptime) {
        if (uptime.compareTo(STABLE_RUN) >= 0) {
            attempt = 0;
        }
        attempt++;
        Duration delay = FIRST_DELAY;
        for (int i = 1; i < attempt && delay.compareTo(LONGEST_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    /** The number of the restart {@link #next} last counted, from 1. */
    int attempt() {
        return attempt;
    }
}
