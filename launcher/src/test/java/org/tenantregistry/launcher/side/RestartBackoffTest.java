package org.tenantregistry.launcher.side;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RestartBackoffTest {

    private static final Duration CRASHED_AT_ONCE = Duration.ofSeconds(3);

    private final RestartBackoff backoff = new RestartBackoff();

    @Test
    void aSideThatKeepsCrashingWaitsTwiceAsLongEachTimeUpToThirtySeconds() {
        assertThat(delays(8)).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.attempt()).isEqualTo(8);
    }

    @Test
    void aSideThatRanForAWhileBeforeItExitedIsRestartedAfterOneSecondAgain() {
        delays(5);
        assertThat(backoff.next(RestartBackoff.STABLE_RUN)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.attempt()).isEqualTo(1);
        assertThat(backoff.next(CRASHED_AT_ONCE)).isEqualTo(Duration.ofSeconds(2));
    }

    private long[] delays(int restarts) {
        long[] delays = new long[restarts];
        for (int i = 0; i < restarts; i++) {
            delays[i] = backoff.next(CRASHED_AT_ONCE).toSeconds();
        }
        return delays;
    }
}
