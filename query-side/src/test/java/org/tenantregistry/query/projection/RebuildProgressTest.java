package org.tenantregistry.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTest {

    @Test
    void theRateAndTheTimeLeftFollowFromTheEventsDoneSinceTheStart() {
        StepClock clock = new StepClock(Instant.parse("2026-12-04T12:00:00Z"));
        RebuildProgress progress = new RebuildProgress("tenants", clock);
        progress.replaying(1000);

        clock.advance(Duration.ofSeconds(10));
        progress.read(250, 200);
        RebuildStatus halfway = progress.snapshot();

        assertThat(halfway.state()).isEqualTo(RebuildStatus.State.RUNNING);
        assertThat(halfway.phase()).isEqualTo(RebuildStatus.Phase.REPLAYING);
        assertThat(halfway.eventsDone()).isEqualTo(250);
        assertThat(halfway.eventsTotal()).isEqualTo(1000);
        assertThat(halfway.eventsApplied()).isEqualTo(200);
        assertThat(halfway.ratePerSecond()).isEqualTo(25.0);
        assertThat(halfway.etaSeconds()).isEqualTo(30);
    }

    @Test
    void anEndedRebuildHasNoTimeLeftAndKeepsItsRate() {
        StepClock clock = new StepClock(Instant.parse("2026-12-04T12:00:00Z"));
        RebuildProgress progress = new RebuildProgress("tenants", clock);
        progress.replaying(100);
        clock.advance(Duration.ofSeconds(4));
        progress.read(120, 100);
        progress.phase(RebuildStatus.Phase.SWAPPING);
        progress.done();
        clock.advance(Duration.ofMinutes(5));

        RebuildStatus done = progress.snapshot();

        assertThat(done.state()).isEqualTo(RebuildStatus.State.DONE);
        assertThat(done.phase()).isEqualTo(RebuildStatus.Phase.ENDED);
        assertThat(done.eventsDone()).as("capped at the total").isEqualTo(100);
        assertThat(done.ratePerSecond()).isEqualTo(25.0);
        assertThat(done.etaSeconds()).isNull();
        assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-12-04T12:00:04Z"));
    }

    @Test
    void aFailedRebuildSaysWhy() {
        RebuildProgress progress = new RebuildProgress("domains", new StepClock(Instant.EPOCH));

        progress.failed("java.lang.IllegalStateException: topic it-tenant-events does not exist");

        assertThat(progress.snapshot().state()).isEqualTo(RebuildStatus.State.FAILED);
        assertThat(progress.snapshot().error()).contains("does not exist");
        assertThat(progress.snapshot().state().wireName()).isEqualTo("failed");
        assertThat(RebuildStatus.Phase.CATCHING_UP.wireName()).isEqualTo("catching-up");
    }

    /** A clock that moves only when told. */
    private static final class StepClock extends Clock {

        private Instant now;

        StepClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
