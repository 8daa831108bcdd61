package org.tenantregistry.command.publishing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.config.TenantKafkaProperties;
import org.tenantregistry.support.schedule.FixedDelaySchedule;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.stream.Collectors.toSet;

/**
 * Finds events the tracking processor skipped for good and republishes them. The processor gives up waiting for a
 * hole in the global index after the gap timeout; a transaction that commits later than that leaves its event behind
 * the processor's token (Axon issue 4829). With the JDBC engine this happens as soon as the processor reads events
 * older than the gap timeout (it lags, e.g. after a Kafka outage) while some transaction is still open: it then keeps
 * no gap for that index at all. When the tenant gets another event, {@link OrderedPublication} notices the
 * hole; this check covers a tenant that gets no other event, by comparing the event store up to the position the
 * processor has passed with the published sequences.
 * <p>
 * Each pass reads only what is new since the last one ({@link CheckedIndexes}): the events up to the passed position,
 * and the holes of earlier passes whose transactions have all ended since. The first pass after a start, or after the
 * instance claimed a segment it did not have, reads the whole store once.
 * <p>
 * It repairs only tenants of segments this instance owns, under that segment's lock, so two instances never repair
 * the same tenant, and the repair never interleaves with the segment's own batches.
 */
@Component
class PublicationRepair implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationRepair.class);

    private final EventProcessingConfiguration processing;
    private final PublicationAudit audit;
    private final OrderedPublication publication;
    private final TenantKafkaProperties properties;
    private final FixedDelaySchedule schedule = new FixedDelaySchedule("publication-repair");
    private Set<Segment> checkedFor = Set.of();
    private CheckedIndexes checked = CheckedIndexes.NOTHING;

    PublicationRepair(EventProcessingConfiguration processing, PublicationAudit audit, OrderedPublication publication,
                      TenantKafkaProperties properties) {
        this.processing = processing;
        this.audit = audit;
        this.publication = publication;
        this.properties = properties;
    }

    /** One pass: republishes what the processor passed without publishing it. */
    synchronized void check() {
        Map<Integer, EventTrackerStatus> owned = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        OptionalLong passed = passedGlobalIndex(owned.values());
        if (passed.isEmpty()) {
            return;
        }
        Set<Segment> segments = owned.values().stream().map(EventTrackerStatus::getSegment).collect(toSet());
        // What was compared for these segments still holds when some were released (a retry after a failure); a
        // segment claimed anew was not compared here, so everything is compared again once.
        CheckedIndexes from = checkedFor.containsAll(segments) ? checked : CheckedIndexes.NOTHING;
        CheckedIndexes.Pass pass = from.next(audit, passed.getAsLong());
        for (String tenantId : pass.tenantsBehind()) {
            segments.stream().filter(segment -> segment.matches(tenantId)).findFirst()
                    .ifPresent(segment -> publication.catchUp(tenantId, segment.getSegmentId()));
        }
        // Only now: a pass that failed half-way is done again.
        checked = pass.checked();
        checkedFor = segments;
    }

    /**
     * The highest global index below which the processor has handled or given up on every event in each segment this
     * instance owns: per segment its token's index, or just below its oldest gap that it still waits for.
     */
    private static OptionalLong passedGlobalIndex(Collection<EventTrackerStatus> owned) {
        if (owned.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : owned) {
            OptionalLong passed = passed(status.getTrackingToken());
            if (passed.isEmpty()) {
                return passed;
            }
            lowest = Math.min(lowest, passed.getAsLong());
        }
        return OptionalLong.of(lowest);
    }

    private static OptionalLong passed(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return OptionalLong.of(gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1);
        }
        return current == null ? OptionalLong.empty() : current.position();
    }

    private void checkAndCarryOn() {
        try {
            check();
        } catch (RuntimeException e) {
            // Kafka down, most likely: the next pass tries again.
            log.warn("Publication repair check failed, next try in {}: {}", properties.repairInterval(), e.toString());
        }
    }

    @Override
    public void start() {
        if (properties.repairInterval().toMillis() > 0) {
            schedule.start(this::checkAndCarryOn, properties.repairInterval(), properties.repairInterval());
        }
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
