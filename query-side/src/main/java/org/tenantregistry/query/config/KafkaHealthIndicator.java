package org.tenantregistry.query.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Kafka in the health endpoint: whether the broker answers, and whether each projection's listener runs. Boot has no
 * Kafka health indicator of its own.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaListenerEndpointRegistry listeners;
    private Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
        this.listeners = listeners;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        Map<String, String> listenerStates = new TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            listenerStates.put(container.getListenerId(), container.isRunning() ? "running" : "stopped");
        }
        builder.up()
                .withDetail("clusterId", clusterId)
                .withDetail("brokers", brokers)
                .withDetail("listeners", listenerStates);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
