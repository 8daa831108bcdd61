package org.tenantregistry.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.query.erasure.EnvelopeOpening;
import org.tenantregistry.query.erasure.EventKeyUnavailableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link OrderedApply}'s rules for a whole batch from the topic, inside the caller's transaction, with a few set-based
 * statements instead of a few per event: one to lock every tenant of the batch, two to see which of them wait behind
 * a dead letter or a gap, the projection's own writes for all of them, one to move every tenant's tracking row on.
 * What the common case does not cover (a tenant held back, an event behind a gap, a type this version does not know)
 * goes through {@link OrderedApply} event by event, in the same transaction; a failure there fails the batch, and the
 * caller then applies its records one by one, so that the error handler deals with the one that failed.
 */
@Component
class BatchApply {

    private static final Logger log = LoggerFactory.getLogger(BatchApply.class);

    private final ProjectionTracking tracking;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final OrderedApply orderedApply;
    private final EnvelopeOpening opening;
    private final ProjectionMetrics metrics;

    BatchApply(ProjectionTracking tracking, ParkedEvents parked, DeadLetters deadLetters, OrderedApply orderedApply,
               EnvelopeOpening opening, ProjectionMetrics metrics) {
        this.tracking = tracking;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.orderedApply = orderedApply;
        this.opening = opening;
        this.metrics = metrics;
    }

    void receive(ApplyPass pass, List<TenantEventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        Map<UUID, List<TenantEventEnvelope>> byTenant = new LinkedHashMap<>();
        envelopes.forEach(envelope -> byTenant.computeIfAbsent(envelope.tenantId(), id -> new ArrayList<>())
                .add(envelope));
        Map<UUID, Long> last = tracking.lockLastApplied(pass.name(), byTenant.keySet());
        Set<UUID> heldBack = deadLetters.holdingBack(pass.name(), byTenant.keySet());
        heldBack.addAll(parked.waitingAmong(pass.name(), byTenant.keySet()));

        List<Change> changes = new ArrayList<>();
        List<ProjectionTracking.Advance> advances = new ArrayList<>();
        Map<Reached, Integer> reached = new LinkedHashMap<>();
        List<TenantEventEnvelope> oneByOne = new ArrayList<>();
        byTenant.forEach((tenantId, events) -> {
            long locked = last.getOrDefault(tenantId, ProjectionTracking.NOTHING_APPLIED);
            long applied = locked;
            boolean purged = false;
            for (int i = 0; i < events.size(); i++) {
                TenantEventEnvelope envelope = events.get(i);
                Optional<TenantEvent> event = envelope.sequence() == applied + 1 && !heldBack.contains(tenantId)
                        ? known(envelope) : Optional.empty();
                if (event.isPresent()) {
                    changes.add(new Change(envelope, event.get()));
                    applied = envelope.sequence();
                    purged |= event.get() instanceof TenantPurged;
                } else if (envelope.sequence() <= applied) {
                    metrics.redelivered(pass.name());
                    log.debug("Projection {} skips redelivered sequence {} of tenant {}", pass.name(),
                            envelope.sequence(), tenantId);
                } else {
                    // Out of order, held back or unknown: the tenant's rest goes by the per-event rules.
                    oneByOne.addAll(events.subList(i, events.size()));
                    break;
                }
            }
            if (applied > locked) {
                advances.add(new ProjectionTracking.Advance(tenantId, locked, applied, purged));
                reached.put(new Reached(tenantId, applied, purged), (int) (applied - locked));
            }
        });
        if (!changes.isEmpty()) {
            pass.projection().applyAll(changes);
            tracking.advanceAll(pass.name(), advances);
            reached.forEach(pass::applied);
            metrics.applied(pass.name(), changes.size());
        }
        oneByOne.forEach(envelope -> orderedApply.receive(pass, envelope, false));
    }

    /**
     * The event, when this version knows its type and its data fits (opened); otherwise the per-event rules decide.
     * A key that cannot be had now fails the batch at once: the per-event rules would only ask again.
     */
    private Optional<TenantEvent> known(TenantEventEnvelope envelope) {
        try {
            return opening.eventOf(envelope);
        } catch (EventKeyUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
