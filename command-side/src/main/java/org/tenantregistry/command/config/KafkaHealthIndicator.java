package org.tenantregistry.command.config;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.publishing.PublisherLag;
import org.tenantregistry.support.kafka.BackgroundHealthIndicator;

import java.time.Duration;
import java.util.Optional;

/**
 * Kafka as a component of health, with the publisher's lag (events stored but not yet on the topic). Commands do not
 * need Kafka (they are stored and published later), so a broker that does not answer makes the component
 * {@code DEGRADED}, never {@code DOWN}: the health endpoint still answers 200, and the component is not in the
 * readiness group. The broker is asked by a background check, every {@code health-check-interval} and with no longer
 * a timeout, and health answers from its last result: a request never waits for a broker that is away.
 */
@Component
class KafkaHealthIndicator extends BackgroundHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "no Kafka broker answers; commands are stored and will be "
            + "published when one is back");

    private final Admin admin;
    private final PublisherLag lag;
    private final TenantKafkaProperties properties;
    private final Duration timeout;

    KafkaHealthIndicator(Admin admin, PublisherLag lag, TenantKafkaProperties properties) {
        super("kafka-health", properties.healthCheckInterval(), false);
        this.admin = admin;
        this.lag = lag;
        this.properties = properties;
        this.timeout = properties.adminTimeout().compareTo(properties.healthCheckInterval()) < 0
                ? properties.adminTimeout() : properties.healthCheckInterval();
    }

    /** One look at the broker and the lag. */
    @Override
    protected Health check() {
        Health.Builder builder = broker();
        builder.withDetail("topic", properties.topic());
        try {
            lag.events().ifPresent(events -> builder.withDetail("publisher_lag", events));
        } catch (DataAccessException e) {
            builder.withDetail("publisher_lag", "unknown, the event store does not answer");
        }
        return builder.build();
    }

    private Health.Builder broker() {
        try {
            Optional<BrokerCluster> cluster = describeCluster(admin, timeout);
            return cluster.map(found -> Health.up().withDetail("cluster_id", found.clusterId())
                            .withDetail("brokers", found.brokers()))
                    .orElseGet(() -> Health.status(DEGRADED)
                            .withDetail("error", "no broker answered within " + timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("reason", "check interrupted");
        }
    }
}
