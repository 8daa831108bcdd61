package org.tenantregistry.query.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operators see of every projection: from the database what it tracks, parks and set aside; from the broker how
 * far its consumer group has come; and its rebuild, if it had one. The database part is always there; the broker's
 * may be unknown.
 */
@Component
public class ProjectionOverview {

    private final List<Projection> projections;
    private final String topic;
    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionTracking tracking;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final ConsumerLag lag;
    private final ProjectionRebuilds rebuilds;

    ProjectionOverview(List<Projection> projections, @Value("${tenant-registry.query.topic}") String topic,
                       KafkaListenerEndpointRegistry listeners, ProjectionTracking tracking, ParkedEvents parked,
                       DeadLetters deadLetters, ConsumerLag lag, ProjectionRebuilds rebuilds) {
        this.projections = projections.stream().sorted(Comparator.comparing(Projection::name)).toList();
        this.topic = topic;
        this.listeners = listeners;
        this.tracking = tracking;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.rebuilds = rebuilds;
    }

    public Overview overview() {
        Map<String, String> groups = new HashMap<>();
        projections.forEach(projection -> groupOf(projection).ifPresent(group -> groups.put(projection.name(), group)));
        ConsumerLag.Positions positions = lag.of(topic, groups);
        List<State> states = projections.stream().map(projection -> {
            ProjectionTracking.Tracked tracked = tracking.tracked(projection.name());
            return new State(projection.name(), groups.get(projection.name()), tracked.tenants(), tracked.purged(),
                    parked.count(projection.name()), deadLetters.countOpen(projection.name()),
                    deadLetters.countSkipped(projection.name()),
                    positions.positions().get(projection.name()),
                    rebuilds.status(projection.name()).orElse(null));
        }).toList();
        return new Overview(topic, positions.known(), positions.error(), states);
    }

    /** The group of the projection's listener, whose id is the projection's name. */
    private Optional<String> groupOf(Projection projection) {
        return Optional.ofNullable(listeners.getListenerContainer(projection.name()))
                .map(MessageListenerContainer::getGroupId);
    }

    /**
     * @param kafkaKnown whether the broker answered; when not, every projection's partitions are null
     * @param kafkaError why it did not; null when it did
     */
    public record Overview(String topic, boolean kafkaKnown, String kafkaError, List<State> projections) {
    }

    /**
     * @param consumerGroup null when the projection has no listener in this instance
     * @param partitions    null when the broker did not answer
     * @param rebuild    the running or last rebuild, null when none since the instance started
     */
    public record State(String name, String consumerGroup, long tenantsTracked, long tenantsPurged, long parkedEvents,
                        long openDeadLetters, long skippedDeadLetters, List<ConsumerLag.PartitionPosition> partitions,
                        RebuildStatus rebuild) {

        /** The sum over the partitions; null when not known. */
        public Long lag() {
            return partitions == null ? null : partitions.stream().mapToLong(ConsumerLag.PartitionPosition::lag).sum();
        }
    }
}
