package org.tenantregistry.events;

/**
 * What a broker says about an existing topic: the settings {@link TopicRequirements} judges.
 *
 * @param name              the topic
 * @param cleanupPolicy     {@code cleanup.policy}: {@code delete}, {@code compact} or both, comma-separated
 * @param retentionMs       {@code retention.ms}; -1 keeps records for ever
 * @param retentionBytes    {@code retention.bytes} per partition; -1 sets no limit
 * @param partitions        the number of partitions
 * @param replicationFactor replicas of each partition
 * @param minInSyncReplicas {@code min.insync.replicas}: replicas that must have a record before {@code acks=all}
 *                          acknowledges it
 */
public record TopicSettings(String name, String cleanupPolicy, long retentionMs, long retentionBytes, int partitions,
                            int replicationFactor, int minInSyncReplicas) {
}
