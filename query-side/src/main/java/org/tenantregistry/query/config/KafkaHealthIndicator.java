package org.tenantregistry.query.config;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.tenantregistry.events.TopicFinding;
import org.tenantregistry.support.kafka.BackgroundHealthIndicator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kafka in the health endpoint (Boot has no Kafka health indicator of its own): whether the broker answers, whether
 * the topic exists and keeps every event, and whether each projection's listener runs. Reads are served from the read
 * models whatever Kafka does, so trouble there makes the component {@code DEGRADED} (HTTP 200), never {@code DOWN}.
 * The broker is asked by a background check every few seconds, the first one before the side reports itself started,
 * and health answers from its last result: a request never waits for a broker that is away.
 */
class KafkaHealthIndicator extends BackgroundHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the read models are served but may fall behind");

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Admin admin;
    private final TenantEventsTopicCheck topic;
    private final KafkaListenerEndpointRegistry listeners;
    private final Duration timeout;

    KafkaHealthIndicator(Admin admin, TenantEventsTopicCheck topic, KafkaListenerEndpointRegistry listeners,
                         Duration timeout) {
        super("kafka-health", INTERVAL, true);
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
        Health last = super.health();
        return Health.status(last.getStatus()).withDetails(last.getDetails()).withDetail("listeners", listenerStates)
                .build();
    }

    /** One look at the broker and the topic. */
    @Override
    protected Health check() {
        Health.Builder builder;
        try {
            Optional<BrokerCluster> cluster = describeCluster(admin, timeout);
            builder = cluster.isPresent()
                    ? topic(Health.up().withDetail("clusterId", cluster.get().clusterId())
                            .withDetail("brokers", cluster.get().brokers()))
                    : unreachable();
        } catch (IllegalStateException e) {
            // the broker went away between the two questions: the topic's settings could not be read in time
            builder = unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder = Health.unknown().withDetail("reason", "check interrupted");
        }
        return builder.withDetail("topic", topic.topic()).build();
    }

    private Health.Builder unreachable() {
        return Health.status(DEGRADED).withDetail("error", "no broker answered within " + timeout);
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
}
