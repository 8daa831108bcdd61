package org.tenantregistry.command.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenantregistry.events.TopicFinding;
import org.tenantregistry.events.TopicRequirements;
import org.tenantregistry.events.TopicSettings;
import org.tenantregistry.support.kafka.TopicRefusedException;
import org.tenantregistry.support.kafka.TopicSettingsReader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic of all tenant events: created when missing, and checked against {@link TopicRequirements} before anything
 * is published to it. It is tried at start-up, where a topic that would lose history stops the start; a broker that is
 * down then must not stop the command side, so the publisher asks again before its first send, and refuses to publish
 * to such a topic. Clients never create it: the brokers must not auto-create topics, which would give it the
 * broker's default retention and partitions instead of ours.
 */
public class TenantEventsTopic {

    private static final Logger log = LoggerFactory.getLogger(TenantEventsTopic.class);

    private final Admin admin;
    private final TenantKafkaProperties properties;
    private final TopicSettingsReader settings;
    private final TopicRequirements requirements;
    private volatile boolean ensured;

    TenantEventsTopic(Admin admin, TenantKafkaProperties properties, String bootstrapServers) {
        this.admin = admin;
        this.properties = properties;
        this.settings = new TopicSettingsReader(admin, properties.adminTimeout());
        this.requirements = new TopicRequirements(bootstrapServers, OptionalInt.of(properties.partitions()));
    }

    public String name() {
        return properties.topic();
    }

    /**
     * @throws TopicRefusedException when the topic exists with settings that would lose or refuse events
     * @throws IllegalStateException when the broker cannot be asked within the admin timeout
     */
    public void ensureExists() {
        if (ensured) {
            return;
        }
        Optional<TopicSettings> topic = settings.read(name());
        if (topic.isEmpty()) {
            create();
            // What the broker made of it (its own min.insync.replicas, say) is checked like any existing topic.
            topic = settings.read(name());
        }
        if (topic.isEmpty()) {
            log.debug("Topic {} is not visible yet after its creation; it is checked before the first send", name());
            return;
        }
        List<TopicFinding> findings = requirements.check(topic.get());
        List<TopicFinding> refusals = findings.stream()
                .filter(finding -> finding.severity() == TopicFinding.Severity.REFUSE).toList();
        if (!refusals.isEmpty()) {
            refusals.forEach(finding -> log.error(finding.line()));
            throw new TopicRefusedException(refusals, "tenant-registry.kafka.topic");
        }
        findings.forEach(finding -> log.warn(finding.line()));
        ensured = true;
    }

    private void create() {
        // retention.ms=-1: a new downstream service reads the whole history from the topic. Not compacted, because
        // compaction would keep only each tenant's latest event (and drop a purged tenant's history altogether).
        NewTopic topic = new NewTopic(name(), properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
        long timeout = properties.adminTimeout().toMillis();
        try {
            admin.createTopics(List.of(topic)).all().get(timeout, TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions and replication factor {}", topic.name(),
                    topic.numPartitions(), topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
            }
            log.debug("Topic {} was created meanwhile", topic.name());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered within " + properties.adminTimeout()
                    + " to create topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }

    /**
     * At start-up: a topic that would lose history stops the start ({@link TopicRefusedException}); a missing broker
     * is logged, not fatal: commands are accepted and published once it is back.
     */
    void ensureExistsUnlessBrokerIsAway() {
        try {
            ensureExists();
        } catch (IllegalStateException e) {
            log.warn("Topic {} not checked at start-up, will retry before publishing: {}", name(), e.getMessage());
        }
    }
}
