package org.tenantregistry.command.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.publishing.PublisherLag;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka as a component of health, with the publisher's lag (events stored but not yet on the topic). Commands do not
 * need Kafka (they are stored and published later), so a broker that does not answer makes the component
 * {@code DEGRADED}, never {@code DOWN}: the health endpoint still answers 200, and the component is not in the
 * readiness group. The broker is asked by a background check, every {@code health-check-interval} and with no longer
 * a timeout, and health answers from its last result: a request never waits for a broker that is away.
 */
@Component
class KafkaHealthIndicator implements HealthIndicator, SmartLifecycle {

    static final Status DEGRADED = new Status("DEGRADED", "no Kafka broker answers; commands are stored and will be "
            + "published when one is back");

    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);

    private final Admin admin;
    private final PublisherLag lag;
    private final TenantKafkaProperties properties;
    private final Duration timeout;
    private volatile Health health = Health.unknown().withDetail("reason", "not checked yet").build();
    private ScheduledExecutorService schedule;

    KafkaHealthIndicator(Admin admin, PublisherLag lag, TenantKafkaProperties properties) {
        this.admin = admin;
        this.lag = lag;
        this.properties = properties;
        this.timeout = properties.adminTimeout().compareTo(properties.healthCheckInterval()) < 0
                ? properties.adminTimeout() : properties.healthCheckInterval();
    }

    @Override
    public Health health() {
        return health;
    }

    /** One look at the broker and the lag; what health answers until the next one. */
    void check() {
        Health.Builder builder = broker();
        builder.withDetail("topic", properties.topic());
        try {
            lag.events().ifPresent(events -> builder.withDetail("publisher_lag", events));
        } catch (DataAccessException e) {
            builder.withDetail("publisher_lag", "unknown, the event store does not answer");
        }
        health = builder.build();
    }

    private Health.Builder broker() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("cluster_id", clusterId).withDetail("brokers", brokers);
        } catch (ExecutionException | TimeoutException e) {
            return Health.status(DEGRADED).withDetail("error", "no broker answered within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("reason", "check interrupted");
        }
    }

    private void checkAndCarryOn() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Kafka health check failed, next one in {}: {}", properties.healthCheckInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-health");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::checkAndCarryOn, 0, properties.healthCheckInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
