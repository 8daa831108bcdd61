package org.tenantregistry.support.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.tenantregistry.support.schedule.FixedDelaySchedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health component whose check runs in the background, every interval, and whose answer is the last check's: a
 * health request never waits for a broker that is away. Each side says what one check looks at.
 */
public abstract class BackgroundHealthIndicator implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundHealthIndicator.class);

    private final String threadName;
    private final Duration interval;
    private final boolean firstCheckBeforeStart;
    private volatile Health last = Health.unknown().withDetail("reason", "not checked yet").build();
    private final FixedDelaySchedule schedule;

    /**
     * @param firstCheckBeforeStart run the first check before the application reports itself started (health is then
     *                              never "not checked yet" after it), rather than at once in the background
     */
    protected BackgroundHealthIndicator(String threadName, Duration interval, boolean firstCheckBeforeStart) {
        this.threadName = threadName;
        this.schedule = new FixedDelaySchedule(threadName);
        this.interval = interval;
        this.firstCheckBeforeStart = firstCheckBeforeStart;
    }

    /** One look; what health answers until the next one. */
    protected abstract Health check();

    @Override
    public Health health() {
        return last;
    }

    /**
     * The broker's cluster, asked with the timeout; empty when no broker answered within it (or the client is
     * closed, at shutdown).
     *
     * @throws InterruptedException when the check is interrupted (the side stops)
     */
    protected static Optional<BrokerCluster> describeCluster(Admin admin, Duration timeout)
            throws InterruptedException {
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Optional.of(new BrokerCluster(clusterId, brokers));
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** What the broker said about its cluster. */
    protected record BrokerCluster(String clusterId, int brokers) {
    }

    private void checkAndCarryOn() {
        try {
            last = check();
        } catch (RuntimeException e) {
            log.warn("{} failed, next one in {}: {}", threadName, interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (firstCheckBeforeStart) {
            checkAndCarryOn();
        }
        schedule.start(this::checkAndCarryOn, firstCheckBeforeStart ? interval : Duration.ZERO, interval);
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
