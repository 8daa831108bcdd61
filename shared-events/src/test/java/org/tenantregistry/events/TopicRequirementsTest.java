package org.tenantregistry.events;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tenantregistry.events.TopicFinding.Severity.REFUSE;
import static org.tenantregistry.events.TopicFinding.Severity.WARN;

class TopicRequirementsTest {

    private final TopicRequirements writer = new TopicRequirements("kafka-1:9092", OptionalInt.of(3));
    private final TopicRequirements reader = new TopicRequirements("kafka-1:9092", OptionalInt.empty());

    @Test
    void aTopicThatKeepsEveryEventPasses() {
        assertThat(writer.check(topic("delete", -1, -1, 3, 3, 2))).isEmpty();
        assertThat(writer.check(topic("delete", -1, -1, 3, 1, 1))).isEmpty();
    }

    @Test
    void sevenDaysOfRetentionIsRefusedWithTheCommandThatFixesIt() {
        assertThat(reader.check(topic("delete", 604_800_000L, -1, 3, 1, 1)))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(REFUSE);
                    assertThat(finding.line()).isEqualTo("Topic tenant-events: retention.ms is 604800000 (7 days),"
                            + " so older events are deleted, and the topic must keep every event. Fix: kafka-configs.sh"
                            + " --bootstrap-server kafka-1:9092 --alter --entity-type topics --entity-name tenant-events"
                            + " --add-config retention.ms=-1");
                });
    }

    @Test
    void aSizeLimitIsRefused() {
        assertThat(reader.check(topic("delete", -1, 1_073_741_824L, 3, 1, 1)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.setting()).isEqualTo("retention.bytes"))
                .satisfies(finding -> assertThat(finding.fix()).endsWith("--add-config retention.bytes=-1"));
    }

    @Test
    void compactionIsRefusedBecauseItKeepsOnlyEachTenantsLatestEvent() {
        assertThat(reader.check(topic("compact,delete", -1, -1, 3, 1, 1)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(REFUSE))
                .satisfies(finding -> assertThat(finding.line()).contains("cleanup.policy is compact,delete")
                        .endsWith("--add-config cleanup.policy=delete"));
    }

    @Test
    void fewerPartitionsThanConfiguredAreRefusedAndMoreOnlyWarn() {
        assertThat(writer.check(topic("delete", -1, -1, 1, 1, 1)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(REFUSE))
                .satisfies(finding -> assertThat(finding.found()).isEqualTo("1, fewer than the 3 configured"));
        assertThat(writer.check(topic("delete", -1, -1, 6, 1, 1)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(WARN));
    }

    @Test
    void aReaderHasNoPartitionCountToHoldTheTopicTo() {
        assertThat(reader.check(topic("delete", -1, -1, 1, 1, 1))).isEmpty();
    }

    @Test
    void moreInSyncReplicasThanReplicasIsRefusedBecauseEveryWriteWouldFail() {
        assertThat(writer.check(topic("delete", -1, -1, 3, 1, 2)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(REFUSE))
                .satisfies(finding -> assertThat(finding.fix()).endsWith("--add-config min.insync.replicas=1"));
    }

    @Test
    void oneInSyncReplicaOutOfSeveralOnlyWarns() {
        assertThat(writer.check(topic("delete", -1, -1, 3, 3, 1)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(WARN))
                .satisfies(finding -> assertThat(finding.fix()).endsWith("--add-config min.insync.replicas=2"));
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(writer.check(topic("compact", 3_600_000L, 1024, 1, 1, 2)))
                .extracting(TopicFinding::setting)
                .containsExactly("cleanup.policy", "retention.ms", "retention.bytes", "the partition count",
                        "min.insync.replicas");
    }

    private static TopicSettings topic(String cleanupPolicy, long retentionMs, long retentionBytes, int partitions,
                                       int replicationFactor, int minInSyncReplicas) {
        return new TopicSettings(TenantTopics.TENANT_EVENTS, cleanupPolicy, retentionMs, retentionBytes, partitions,
                replicationFactor, minInSyncReplicas);
    }
}
