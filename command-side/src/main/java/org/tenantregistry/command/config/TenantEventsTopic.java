package org.tenantregistry.command.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic of all tenant events, created when missing. It is tried at start-up, but a broker that is down then must
 * not stop the command side, so the publisher asks again before its first send: a broker's auto-created topic would
 * have the broker's default retention and partitions instead of ours.
 */
public class TenantEventsTopic {

    private static final Logger log = LoggerFactory.getLogger(TenantEventsTopic.class);

    private final Admin admin;
    private final TenantKafkaProperties properties;
    private volatile boolean ensured;

    TenantEventsTopic(Admin admin, TenantKafkaProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    public String name() {
        return properties.topic();
    }

    /** @throws IllegalStateException when the broker cannot be asked within the admin timeout */
    public void ensureExists() {
        if (ensured) {
            return;
        }
        // retention.ms=-1: a new downstream service reads the whole history from the topic. Not compacted, because
        // compaction would keep only each tenant's latest event (and drop a purged tenant's history altogether).
        NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        long timeout = properties.adminTimeout().toMillis();
        try {
            admin.createTopics(List.of(topic)).all().get(timeout, TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions and replication factor {}", topic.name(),
                    topic.numPartitions(), topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
            }
            log.debug("Topic {} exists", topic.name());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered within " + properties.adminTimeout()
                    + " to create topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
        ensured = true;
    }

    /** At start-up: a missing broker is logged, not fatal; commands are accepted and published once it is back. */
    void tryToEnsureExists() {
        try {
            ensureExists();
        } catch (IllegalStateException e) {
            log.warn("Topic {} not checked at start-up, will retry before publishing: {}", name(), e.getMessage());
        }
    }
}
