package org.tenantregistry.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.query.erasure.EnvelopeOpening;
import org.tenantregistry.query.erasure.EventKeyUnavailableException;

import java.util.Optional;
import java.util.UUID;

/**
 * The rules of one tenant's stream in one projection, inside the caller's transaction: sequences in order, each once;
 * an event behind a gap or behind a dead letter waits in the parking table; applying an event applies the parked ones
 * that follow it. Callers lock the tenant first ({@link #lockLastApplied}), so a replay and the listener never
 * interleave on one tenant.
 */
@Component
class OrderedApply {

    private static final Logger log = LoggerFactory.getLogger(OrderedApply.class);

    private final ProjectionTracking tracking;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final EnvelopeOpening opening;
    private final ProjectionMetrics metrics;

    OrderedApply(ProjectionTracking tracking, ParkedEvents parked, DeadLetters deadLetters, EnvelopeOpening opening,
                 ProjectionMetrics metrics) {
        this.tracking = tracking;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.opening = opening;
        this.metrics = metrics;
    }

    long lockLastApplied(String projection, UUID tenantId) {
        return tracking.lockLastApplied(projection, tenantId);
    }

    /**
     * An event as it comes from the topic.
     *
     * @param parkAtGap false the first time a tenant shows a gap: the caller may retry briefly before parking
     * @throws SequenceGapException when the tenant's previous event is missing and nothing of it waits yet
     */
    void receive(ApplyPass pass, TenantEventEnvelope envelope, boolean parkAtGap) {
        UUID tenantId = envelope.tenantId();
        long last = lockLastApplied(pass.name(), tenantId);
        if (envelope.sequence() <= last) {
            metrics.redelivered(pass.name());
            log.debug("Projection {} skips redelivered sequence {} of tenant {}", pass.name(), envelope.sequence(),
                    tenantId);
            return;
        }
        Optional<DeadLetter> deadLetter = deadLetters.openFor(pass.name(), tenantId);
        if (deadLetter.isPresent()) {
            if (deadLetter.get().sequence() == envelope.sequence()) {
                metrics.redelivered(pass.name());
                log.debug("Projection {} already holds sequence {} of tenant {} as dead letter {}", pass.name(),
                        envelope.sequence(), tenantId, deadLetter.get().id());
            } else {
                park(pass, envelope, "dead letter " + deadLetter.get().id() + " (sequence "
                        + deadLetter.get().sequence() + ")");
            }
            return;
        }
        if (envelope.sequence() > last + 1) {
            if (!parkAtGap && parked.count(pass.name(), tenantId) == 0) {
                metrics.sequenceGap(pass.name());
                log.warn("Projection {} refuses {} of tenant {}: got sequence {}, expected {}", pass.name(),
                        envelope.type(), tenantId, envelope.sequence(), last + 1);
                throw new SequenceGapException(pass.name(), envelope, last + 1);
            }
            // A tenant that already waits for a missing event: no retry can help, and the partition must go on.
            park(pass, envelope, "missing sequence " + (last + 1));
            return;
        }
        applyAndDrain(pass, envelope);
    }

    /** Applies the event, then the parked events that follow it, until one is missing or cannot be applied. */
    void applyAndDrain(ApplyPass pass, TenantEventEnvelope first) {
        if (applyOrDeadLetter(pass, first)) {
            drain(pass, first.tenantId(), first.sequence() + 1);
        }
    }

    /** Applies the parked events from this sequence on, as far as they go. */
    void drain(ApplyPass pass, UUID tenantId, long from) {
        Optional<TenantEventEnvelope> next = parked.take(pass.name(), tenantId, from);
        while (next.isPresent()) {
            TenantEventEnvelope waiting = next.get();
            log.info("Projection {} applies parked sequence {} of tenant {}", pass.name(), waiting.sequence(), tenantId);
            if (!applyOrDeadLetter(pass, waiting)) {
                return;
            }
            next = parked.take(pass.name(), tenantId, waiting.sequence() + 1);
        }
    }

    /** Moves the tenant past an event without applying it (an operator's skip). */
    void stepOver(ApplyPass pass, UUID tenantId, long sequence) {
        tracking.advance(pass.name(), tenantId, sequence, false);
        pass.steppedOver(new Reached(tenantId, sequence, false));
    }

    void park(ApplyPass pass, TenantEventEnvelope envelope, String behind) {
        parked.park(pass.name(), envelope);
        metrics.parked(pass.name());
        log.warn("Projection {} parks {} of tenant {} (sequence {}) behind {}", pass.name(), envelope.type(),
                envelope.tenantId(), envelope.sequence(), behind);
    }

    /** @return false when the event became a dead letter: what follows it must wait */
    private boolean applyOrDeadLetter(ApplyPass pass, TenantEventEnvelope envelope) {
        Optional<EventNotApplicableException> known = pass.knownFailure().filter(failure -> failure.concerns(envelope));
        if (known.isPresent()) {
            deadLetters.add(known.get(), pass.attempts());
            pass.deadLettered(envelope.sequence());
            metrics.deadLettered(pass.name(), known.get().reason().wireName());
            log.error("Projection {} sets {} of tenant {} (sequence {}) aside as a dead letter ({}), its later events "
                            + "wait behind it: {}", pass.name(), envelope.type(), envelope.tenantId(),
                    envelope.sequence(), known.get().reason().wireName(), known.get().errorMessage());
            return false;
        }
        TenantEvent event = eventOf(pass, envelope);
        try {
            pass.projection().apply(envelope, event);
        } catch (RuntimeException e) {
            if (FailureKind.of(e) == FailureKind.EVENT) {
                throw new EventNotApplicableException(pass.name(), envelope, FailureKind.reasonOf(e), e.getMessage(), e);
            }
            throw e;
        }
        boolean purged = event instanceof TenantPurged;
        tracking.advance(pass.name(), envelope.tenantId(), envelope.sequence(), purged);
        pass.applied(new Reached(envelope.tenantId(), envelope.sequence(), purged));
        metrics.applied(pass.name());
        return true;
    }

    private TenantEvent eventOf(ApplyPass pass, TenantEventEnvelope envelope) {
        Optional<TenantEvent> event;
        try {
            event = opening.eventOf(envelope);
        } catch (EventKeyUnavailableException e) {
            // The command side is away, or refuses us: retried like a database that is away, never a dead letter.
            throw e;
        } catch (RuntimeException e) {
            throw new EventNotApplicableException(pass.name(), envelope, FailureKind.reasonOf(e), e.getMessage(), e);
        }
        // Counting it as applied would let min_version say "caught up" while the read model misses the change.
        return event.orElseThrow(() -> new EventNotApplicableException(pass.name(), envelope,
                EventNotApplicableException.Reason.UNKNOWN_TYPE, "type " + envelope.type() + " is unknown to this "
                + "version of the query side", null));
    }
}
