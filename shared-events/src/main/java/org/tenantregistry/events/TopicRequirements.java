package org.tenantregistry.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the topic of tenant events must be like to keep the contract's promise: every event, for ever, each tenant's in
 * order. The rules, each checked against the broker's effective settings of an existing topic:
 * <ul>
 *     <li>{@code cleanup.policy=delete}, {@code retention.ms=-1} and {@code retention.bytes=-1}, or the topic refuses:
 *     finite retention deletes old events, and compaction keeps only each tenant's latest one (the record key is the
 *     tenant id), so rebuilds and new consumers would miss history. A compacted topic would need its own rule here
 *     (and a consumer contract that tolerates it).</li>
 *     <li>At least the configured number of partitions, where a writer configures one, or it refuses: fewer means the
 *     topic was made by someone else (a broker's auto-creation makes one). More only warns: a tenant's events stay in
 *     order as long as the count never changes after they were written, which no setting can show.</li>
 *     <li>{@code min.insync.replicas} at most the replication factor, or it refuses ({@code acks=all} writes would all
 *     fail); with more than one replica, at least 2, or it warns ({@code acks=all} would then not survive the loss of
 *     the one broker that acknowledged).</li>
 * </ul>
 */
public final class TopicRequirements {

    private final String bootstrapServers;
    private final OptionalInt configuredPartitions;

    /**
     * @param bootstrapServers     where the topic lives, for the fixes' commands
     * @param configuredPartitions the partitions a writer creates the topic with; empty for a reader, which has none
     */
    public TopicRequirements(String bootstrapServers, OptionalInt configuredPartitions) {
        this.bootstrapServers = bootstrapServers;
        this.configuredPartitions = configuredPartitions;
    }

    /** Every rule the topic breaks; empty when it keeps every event as it should. */
    public List<TopicFinding> check(TopicSettings topic) {
        List<TopicFinding> findings = new ArrayList<>();
        retention(topic, findings);
        partitions(topic, findings);
        replicas(topic, findings);
        return List.copyOf(findings);
    }

    private void retention(TopicSettings topic, List<TopicFinding> findings) {
        if (Arrays.stream(topic.cleanupPolicy().split(",")).map(String::trim).anyMatch("compact"::equals)) {
            findings.add(refuse(topic, "cleanup.policy", topic.cleanupPolicy(),
                    "so compaction keeps only each tenant's latest event", alter(topic, "cleanup.policy=delete")));
        }
        if (topic.retentionMs() != -1) {
            findings.add(refuse(topic, "retention.ms", topic.retentionMs() + " (" + readable(topic.retentionMs()) + ")",
                    "so older events are deleted, and the topic must keep every event",
                    alter(topic, "retention.ms=-1")));
        }
        if (topic.retentionBytes() != -1) {
            findings.add(refuse(topic, "retention.bytes", String.valueOf(topic.retentionBytes()),
                    "so the oldest events are deleted once a partition holds that much, and the topic must keep every"
                            + " event", alter(topic, "retention.bytes=-1")));
        }
    }

    private void partitions(TopicSettings topic, List<TopicFinding> findings) {
        if (configuredPartitions.isEmpty() || topic.partitions() == configuredPartitions.getAsInt()) {
            return;
        }
        int configured = configuredPartitions.getAsInt();
        if (topic.partitions() < configured) {
            findings.add(refuse(topic, "the partition count", topic.partitions() + ", fewer than the " + configured
                            + " configured", "so the topic was not created by the command side (auto-created by a"
                            + " broker?)",
                    "if it holds no events yet, delete it (kafka-topics.sh --bootstrap-server " + bootstrapServers
                            + " --delete --topic " + topic.name() + ") and start again; otherwise configure "
                            + topic.partitions() + " partitions (adding partitions moves tenants to other partitions"
                            + " and breaks the order of their events)"));
        } else {
            findings.add(new TopicFinding(TopicFinding.Severity.WARN, topic.name(), "the partition count",
                    topic.partitions() + ", more than the " + configured + " configured",
                    "which keeps each tenant's events in order only if it has not changed since they were written",
                    "configure " + topic.partitions() + " partitions, and never add partitions to this topic"));
        }
    }

    private void replicas(TopicSettings topic, List<TopicFinding> findings) {
        if (topic.minInSyncReplicas() > topic.replicationFactor()) {
            findings.add(refuse(topic, "min.insync.replicas", topic.minInSyncReplicas() + " with replication factor "
                            + topic.replicationFactor(), "so every acks=all write is refused",
                    alter(topic, "min.insync.replicas=" + topic.replicationFactor())));
        } else if (topic.replicationFactor() > 1 && topic.minInSyncReplicas() < 2) {
            findings.add(new TopicFinding(TopicFinding.Severity.WARN, topic.name(), "min.insync.replicas",
                    topic.minInSyncReplicas() + " with replication factor " + topic.replicationFactor(),
                    "so an acknowledged event is lost if the one broker that has it fails",
                    alter(topic, "min.insync.replicas=2")));
        }
    }

    private static TopicFinding refuse(TopicSettings topic, String setting, String found, String problem, String fix) {
        return new TopicFinding(TopicFinding.Severity.REFUSE, topic.name(), setting, found, problem, fix);
    }

    private String alter(TopicSettings topic, String config) {
        return "kafka-configs.sh --bootstrap-server " + bootstrapServers + " --alter --entity-type topics --entity-name "
                + topic.name() + " --add-config " + config;
    }

    private static String readable(long millis) {
        Duration duration = Duration.ofMillis(millis);
        if (duration.toHours() >= 24 && duration.toHours() % 24 == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toString().substring(2).toLowerCase();
    }
}
