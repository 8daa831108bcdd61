package org.tenantregistry.query.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.tenantregistry.events.TopicFinding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka in the health endpoint (Boot has no Kafka health indicator of its own): whether the broker answers, whether
 * the topic exists and keeps every event, and whether each projection's listener runs. Reads are served from the read
 * models whatever Kafka does, so trouble there makes the component {@code DEGRADED} (HTTP 200), never {@code DOWN}.
 * The broker is asked by a background check every few seconds, and health answers from its last result: a request
 * never waits for a broker that is away.
 */
class KafkaHealthIndicator implements HealthIndicator, SmartLifecycle {

    static final Status DEGRADED = new Status("DEGRADED", "the read models are served but may fall behind");

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);

    private final Admin admin;
    private final TenantEventsTopicCheck topic;
    private final KafkaListenerEndpointRegistry listeners;
    private final Duration timeout;
    private volatile Health broker = Health.unknown().withDetail("reason", "not checked yet").build();
    private ScheduledExecutorService schedule;

    KafkaHealthIndicator(Admin admin, TenantEventsTopicCheck topic, KafkaListenerEndpointRegistry listeners,
                         Duration timeout) {
        this.admin = admin;
        this.topic = topic;
        this.listeners = listeners;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Map<String, String> listenerStates = new TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            listenerStates.put(container.getListenerId(), container.isRunning() ? "running" : "stopped");
        }
        Health last = broker;
        return Health.status(last.getStatus()).withDetails(last.getDetails()).withDetail("listeners", listenerStates)
                .build();
    }

    /** One look at the broker and the topic; what health answers until the next one. */
    void check() {
        Health.Builder builder;
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            builder = topic(Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers));
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            builder = Health.status(DEGRADED).withDetail("error", "no broker answered within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder = Health.unknown().withDetail("reason", "check interrupted");
        }
        broker = builder.withDetail("topic", topic.topic()).build();
    }

    private Health.Builder topic(Health.Builder reachable) {
        Optional<List<TopicFinding>> findings = topic.findings();
        if (findings.isEmpty()) {
            return reachable.status(DEGRADED).withDetail("topicState",
                    "missing: the projections read it once the command side has created it");
        }
        List<String> refusals = TenantEventsTopicCheck.refusals(findings.get()).stream().map(TopicFinding::line)
                .toList();
        return refusals.isEmpty() ? reachable : reachable.status(DEGRADED).withDetail("topicProblems", refusals);
    }

    private void checkAndCarryOn() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Kafka health check failed, next one in {}: {}", INTERVAL, e.toString());
        }
    }

    /** The first check runs before the side reports itself started, so health is never "not checked yet" after. */
    @Override
    public synchronized void start() {
        checkAndCarryOn();
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-health");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::checkAndCarryOn, INTERVAL.toMillis(), INTERVAL.toMillis(),
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
