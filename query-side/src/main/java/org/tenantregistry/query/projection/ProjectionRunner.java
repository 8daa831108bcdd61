package org.tenantregistry.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies events to a projection idempotently and in each tenant's order: the read model change and the tracking row
 * share one transaction, a redelivered event changes nothing, and an event that skips a sequence number is refused
 * (and reported) instead of being applied over a hole.
 */
@Component
public class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    private final TransactionTemplate transaction;
    private final ProjectionTracking tracking;
    private final ParkedEvents parked;
    private final TenantEventCodec codec;
    private final ProjectionMetrics metrics;
    private final ProjectionProgress progress;

    ProjectionRunner(TransactionTemplate transaction, ProjectionTracking tracking, ParkedEvents parked,
                     TenantEventCodec codec, ProjectionMetrics metrics, ProjectionProgress progress) {
        this.transaction = transaction;
        this.tracking = tracking;
        this.parked = parked;
        this.codec = codec;
        this.metrics = metrics;
        this.progress = progress;
    }

    /** @throws SequenceGapException when an earlier event of the tenant has not been applied yet */
    public void handle(Projection projection, TenantEventEnvelope envelope) {
        handleAll(projection, List.of(envelope));
    }

    /** One transaction for the whole batch: a rebuild or a bulk load pays one commit per batch, not per event. */
    public void handleAll(Projection projection, List<TenantEventEnvelope> envelopes) {
        transaction.executeWithoutResult(status -> envelopes.forEach(envelope -> applyInOrder(projection, envelope)));
        progress.committed();
    }

    /**
     * The last resort for an event whose gap outlived its retries: it waits in the parking table, and applying the
     * missing event later applies it too. Should the missing event have arrived meanwhile, it is applied right away.
     */
    public void parkOrApply(Projection projection, TenantEventEnvelope envelope) {
        transaction.executeWithoutResult(status -> {
            long last = tracking.lockLastApplied(projection.name(), envelope.tenantId());
            if (envelope.sequence() <= last) {
                metrics.redelivered(projection.name());
            } else if (envelope.sequence() == last + 1) {
                applyAndDrain(projection, envelope);
            } else {
                parked.park(projection.name(), envelope);
                metrics.parked(projection.name());
                log.error("Projection {} parked {} of tenant {} with sequence {}: sequence {} is still missing",
                        projection.name(), envelope.type(), envelope.tenantId(), envelope.sequence(), last + 1);
            }
        });
        progress.committed();
    }

    public long parkedCount(Projection projection, UUID tenantId) {
        return parked.count(projection.name(), tenantId);
    }

    private void applyInOrder(Projection projection, TenantEventEnvelope envelope) {
        long last = tracking.lockLastApplied(projection.name(), envelope.tenantId());
        if (envelope.sequence() <= last) {
            metrics.redelivered(projection.name());
            log.debug("Projection {} skips redelivered sequence {} of tenant {}", projection.name(),
                    envelope.sequence(), envelope.tenantId());
            return;
        }
        if (envelope.sequence() > last + 1) {
            metrics.sequenceGap(projection.name());
            log.warn("Projection {} refuses {} of tenant {}: got sequence {}, expected {}", projection.name(),
                    envelope.type(), envelope.tenantId(), envelope.sequence(), last + 1);
            throw new SequenceGapException(projection.name(), envelope, last + 1);
        }
        applyAndDrain(projection, envelope);
    }

    private void applyAndDrain(Projection projection, TenantEventEnvelope envelope) {
        apply(projection, envelope);
        Optional<TenantEventEnvelope> next = parked.take(projection.name(), envelope.tenantId(), envelope.sequence() + 1);
        while (next.isPresent()) {
            TenantEventEnvelope waiting = next.get();
            log.info("Projection {} applies parked sequence {} of tenant {}", projection.name(), waiting.sequence(),
                    waiting.tenantId());
            apply(projection, waiting);
            next = parked.take(projection.name(), waiting.tenantId(), waiting.sequence() + 1);
        }
    }

    private void apply(Projection projection, TenantEventEnvelope envelope) {
        Optional<TenantEvent> event = codec.eventOf(envelope);
        if (event.isEmpty()) {
            metrics.unknownType(projection.name());
            log.info("Projection {} counts unknown event type {} of tenant {} (sequence {}) and otherwise skips it",
                    projection.name(), envelope.type(), envelope.tenantId(), envelope.sequence());
        }
        projection.apply(envelope, event);
        tracking.advance(projection.name(), envelope.tenantId(), envelope.sequence(),
                event.filter(TenantPurged.class::isInstance).isPresent());
        metrics.applied(projection.name());
    }
}
