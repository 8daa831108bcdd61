package org.tenantregistry.support.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The buckets in the side's PostgreSQL (table {@code rate_limit_bucket}, each side's Flyway migration V6), one row per
 * group and caller: the instances of a side share its database, so they share every caller's buckets. Bucket4j's
 * select-for-update proxy manager takes the row lock for each request's read-modify-write; it keys rows by text
 * (Bucket4j's advisory-lock manager would need a number per key).
 * <p>
 * Rows do not pile up: each write sets {@code expires_at} to when the bucket will be full again (Bucket4j's
 * {@code basedOnTimeForRefillingBucketUpToMax}), the point after which a missing row means the same as the row, and
 * every minute Bucket4j's {@code removeExpired} deletes such rows, in batches, skipping rows a request holds locked.
 */
final class PostgresBuckets implements RateLimitBuckets, SmartLifecycle {

    static final String TABLE = "rate_limit_bucket";

    private static final Logger log = LoggerFactory.getLogger(PostgresBuckets.class);
    private static final int REMOVAL_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private ScheduledExecutorService cleaner;

    PostgresBuckets(DataSource dataSource, TimeMeter time) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public ConsumptionProbe take(String key, Bandwidth bandwidth) {
        return buckets.builder()
                .build(key, () -> new BucketConfiguration(List.of(bandwidth)))
                .tryConsumeAndReturnRemaining(1);
    }

    /** Deletes the rows of buckets that are full again; how many. */
    int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(REMOVAL_BATCH);
            removed += batch;
        } while (batch == REMOVAL_BATCH);
        return removed;
    }

    private void removeExpiredAndCarryOn() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            log.warn("Removing expired rate limit buckets failed, next try in {}: {}", EndpointGroups.WINDOW,
                    e.toString());
        }
    }

    @Override
    public synchronized void start() {
        cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-cleaner");
            thread.setDaemon(true);
            return thread;
        });
        long every = EndpointGroups.WINDOW.toMillis();
        cleaner.scheduleWithFixedDelay(this::removeExpiredAndCarryOn, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (cleaner != null) {
            cleaner.shutdownNow();
            cleaner = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return cleaner != null;
    }
}
