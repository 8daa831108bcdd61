package org.tenantregistry.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an operator does about a dead letter once the cause is dealt with. Replay applies the stored event (after a
 * deploy that knows its type, or that fixed the projection) and the tenant's events waiting behind it, in order. Skip
 * is for an event that can never be applied: it records who decided and why, moves the tenant past it, and applies
 * the waiting events; the read model then lacks that event's change for good.
 */
@Component
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final TransactionTemplate transaction;
    private final OrderedApply orderedApply;
    private final DeadLetters deadLetters;
    private final ProjectionProgress progress;
    private final Map<String, Projection> projections;

    DeadLetterReplay(TransactionTemplate transaction, OrderedApply orderedApply, DeadLetters deadLetters,
                     ProjectionProgress progress, List<Projection> projections) {
        this.transaction = transaction;
        this.orderedApply = orderedApply;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.projections = projections.stream()
                .collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
    }

    /**
     * @throws DeadLetterReplayFailedException when it fails again (it stays, one attempt more)
     * @throws DeadLetterNotOpenException      when it was skipped
     */
    public ReplayOutcome replay(long id) {
        DeadLetter letter = open(id);
        try {
            return run(letter, ApplyPass.of(projection(letter)), this::reapply);
        } catch (EventNotApplicableException failure) {
            if (failure.concerns(letter.envelope())) {
                transaction.executeWithoutResult(status -> deadLetters.failedAgain(id, failure));
                DeadLetter now = deadLetters.find(id).orElse(letter);
                log.warn("Replay of dead letter {} failed again (attempt {}): {}", id, now.attempts(),
                        failure.errorMessage());
                throw new DeadLetterReplayFailedException(now);
            }
            // It applied, but a parked event behind it cannot be applied: that one becomes the dead letter.
            return run(letter, ApplyPass.deadLettering(projection(letter), failure, 1), this::reapply);
        }
    }

    /** Every open dead letter of the tenant (at most one per projection); null projection for all of them. */
    public List<DeadLetter> openOf(UUID tenantId, String projection) {
        return projections.keySet().stream()
                .filter(name -> projection == null || projection.equals(name))
                .sorted()
                .flatMap(name -> deadLetters.openFor(name, tenantId).stream())
                .toList();
    }

    /**
     * @param by     who decided
     * @param reason why the event is left out, kept with the dead letter
     */
    public ReplayOutcome skip(long id, String by, String reason) {
        DeadLetter letter = open(id);
        BiConsumer<ApplyPass, DeadLetter> skip = (pass, current) -> {
            deadLetters.skip(current.id(), by, reason);
            orderedApply.stepOver(pass, current.tenantId(), current.sequence());
            orderedApply.drain(pass, current.tenantId(), current.sequence() + 1);
        };
        try {
            return run(letter, ApplyPass.of(projection(letter)), skip);
        } catch (EventNotApplicableException failure) {
            return run(letter, ApplyPass.deadLettering(projection(letter), failure, 1), skip);
        }
    }

    /** The projections whose dead letters this instance can replay. */
    public List<String> projectionNames() {
        return projections.keySet().stream().sorted().toList();
    }

    private void reapply(ApplyPass pass, DeadLetter current) {
        deadLetters.delete(current.id());
        orderedApply.receive(pass, current.envelope(), true);
    }

    /** Under the tenant's lock, so that the listener does not apply or park the tenant's events meanwhile. */
    private ReplayOutcome run(DeadLetter letter, ApplyPass pass, BiConsumer<ApplyPass, DeadLetter> work) {
        ReplayOutcome outcome = transaction.execute(status -> {
            orderedApply.lockLastApplied(pass.name(), letter.tenantId());
            DeadLetter current = open(letter.id());
            work.accept(pass, current);
            Long next = pass.deadLetteredSequence()
                    .flatMap(sequence -> deadLetters.openFor(pass.name(), letter.tenantId()))
                    .map(DeadLetter::id)
                    .orElse(null);
            return new ReplayOutcome(current.id(), pass.name(), current.tenantId(), current.sequence(),
                    pass.appliedCount(), orderedApply.lockLastApplied(pass.name(), letter.tenantId()) + 1, next);
        });
        progress.committed(pass.name(), pass.reached());
        log.info("Dead letter {} of tenant {} in {}: {} events applied, now at version {}", outcome.deadLetterId(),
                outcome.tenantId(), outcome.projection(), outcome.applied(), outcome.version());
        return outcome;
    }

    private DeadLetter open(long id) {
        DeadLetter letter = deadLetters.find(id)
                .orElseThrow(() -> new DeadLetterNotFoundException("no dead letter " + id));
        if (!letter.open()) {
            throw new DeadLetterNotOpenException(letter);
        }
        return letter;
    }

    private Projection projection(DeadLetter letter) {
        Projection projection = projections.get(letter.projection());
        if (projection == null) {
            throw new IllegalStateException("dead letter " + letter.id() + " belongs to projection "
                    + letter.projection() + ", which this version does not have");
        }
        return projection;
    }
}
