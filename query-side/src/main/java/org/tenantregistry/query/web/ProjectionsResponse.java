package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.query.projection.ConsumerLag;
import org.tenantregistry.query.projection.ProjectionOverview;

import java.util.List;

/** Every projection's state on the wire. */
@Schema(name = "Projections")
record ProjectionsResponse(Kafka kafka, List<ProjectionState> data) {

    static ProjectionsResponse of(ProjectionOverview.Overview overview) {
        return new ProjectionsResponse(new Kafka(overview.topic(), overview.kafkaKnown(), overview.kafkaError()),
                overview.projections().stream().map(ProjectionState::of).toList());
    }

    @Schema(name = "ProjectionsKafka")
    record Kafka(
            String topic,
            @Schema(description = "Whether the broker answered in time; when not, partitions and lag are null")
            boolean known,
            @Schema(description = "Why not; null when it answered") @Nullable String error) {
    }

    @Schema(name = "ProjectionState")
    record ProjectionState(
            String name,
            @Schema(description = "The consumer group of the projection's listener")
            @JsonProperty("consumer_group") @Nullable String consumerGroup,
            @Schema(description = "Tenants with a tracking row: every tenant whose events reached the projection, "
                    + "purged ones included") @JsonProperty("tenants_tracked") long tenantsTracked,
            @JsonProperty("tenants_purged") long tenantsPurged,
            @Schema(description = "Events waiting behind a missing event or a dead letter of their tenant")
            @JsonProperty("parked_events") long parkedEvents,
            @Schema(description = "Dead letters holding their tenant back (see /api/admin/dead-letters)")
            @JsonProperty("dead_letters_open") long deadLettersOpen,
            @JsonProperty("dead_letters_skipped") long deadLettersSkipped,
            @Schema(description = "Records of the topic the consumer group has not committed yet, summed over the "
                    + "partitions; null when the broker did not answer") @Nullable Long lag,
            @Nullable List<Partition> partitions,
            @Schema(description = "The running or last rebuild since this instance started; absent before the first")
            @JsonInclude(JsonInclude.Include.NON_NULL) RebuildResponse rebuild) {

        static ProjectionState of(ProjectionOverview.State state) {
            return new ProjectionState(state.name(), state.consumerGroup(), state.tenantsTracked(),
                    state.tenantsPurged(), state.parkedEvents(), state.openDeadLetters(), state.skippedDeadLetters(),
                    state.lag(), state.partitions() == null ? null
                            : state.partitions().stream().map(Partition::of).toList(),
                    state.rebuild() == null ? null : RebuildResponse.of(state.rebuild()));
        }
    }

    @Schema(name = "ProjectionPartition")
    record Partition(
            int partition,
            @Schema(description = "The group's committed offset; null when it committed none")
            @JsonProperty("committed_offset") @Nullable Long committedOffset,
            @Schema(description = "The partition's last stable offset (what a read-committed consumer reaches)")
            @JsonProperty("end_offset") long endOffset,
            long lag) {

        static Partition of(ConsumerLag.PartitionPosition position) {
            return new Partition(position.partition(), position.committed(), position.end(), position.lag());
        }
    }
}
