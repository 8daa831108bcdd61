package org.tenantregistry.command.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Kafka is up when a broker describes the cluster within the admin timeout. Down does not stop commands (they are
 * stored and published later), so it is shown on the health endpoint but kept out of the readiness group.
 */
@Component
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final TenantKafkaProperties properties;

    KafkaHealthIndicator(Admin admin, TenantKafkaProperties properties) {
        super("Kafka health check failed");
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long timeout = properties.adminTimeout().toMillis();
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout)));
        String clusterId = cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("cluster_id", clusterId).withDetail("brokers", brokers)
                .withDetail("topic", properties.topic());
    }
}
