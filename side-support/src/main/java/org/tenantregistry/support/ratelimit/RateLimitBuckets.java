package org.tenantregistry.support.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import javax.sql.DataSource;
import java.time.Clock;

/** Where the callers' buckets are kept ({@link RateLimitProperties.Store}). */
public interface RateLimitBuckets {

    /**
     * Takes one request out of the caller's bucket, creating it full if there is none.
     *
     * @param key       the group and the caller
     * @param bandwidth the group's limit, for a bucket that does not exist yet
     */
    ConsumptionProbe take(String key, Bandwidth bandwidth);

    /** @param clock the side's clock, so that tests can let a minute pass without waiting for it */
    static RateLimitBuckets of(RateLimitProperties.Store store, DataSource dataSource, Clock clock) {
        TimeMeter time = new ClockTimeMeter(clock);
        return switch (store) {
            case POSTGRESQL -> new PostgresBuckets(dataSource, time);
            case LOCAL -> new LocalBuckets(time);
        };
    }

    /** Bucket4j's time, read from a {@link Clock}: wall-clock time, as every instance must agree on it. */
    record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return Math.multiplyExact(clock.millis(), 1_000_000L);
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
