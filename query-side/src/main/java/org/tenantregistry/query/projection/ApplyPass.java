package org.tenantregistry.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One transaction's worth of work on a projection: which failure, if any, is already known (so that the event it
 * concerns becomes a dead letter instead of failing the transaction again), and what the pass did.
 */
final class ApplyPass {

    private final Projection projection;
    private final EventNotApplicableException knownFailure;
    private final int attempts;
    private final List<Reached> reached = new ArrayList<>();
    private int applied;
    private Long deadLettered;

    private ApplyPass(Projection projection, EventNotApplicableException knownFailure, int attempts) {
        this.projection = projection;
        this.knownFailure = knownFailure;
        this.attempts = attempts;
    }

    static ApplyPass of(Projection projection) {
        return new ApplyPass(projection, null, 0);
    }

    /** @param attempts how often the event was tried before it was given up, for the dead letter */
    static ApplyPass deadLettering(Projection projection, EventNotApplicableException failure, int attempts) {
        return new ApplyPass(projection, failure, attempts);
    }

    Projection projection() {
        return projection;
    }

    String name() {
        return projection.name();
    }

    Optional<EventNotApplicableException> knownFailure() {
        return Optional.ofNullable(knownFailure);
    }

    int attempts() {
        return attempts;
    }

    void applied(Reached progress) {
        applied(progress, 1);
    }

    /** @param events how many events of the tenant this step applied */
    void applied(Reached progress, int events) {
        applied += events;
        reached.add(progress);
    }

    /** The tenant moved on without applying an event (a skip): waiters see it, the count of applied ones does not. */
    void steppedOver(Reached progress) {
        reached.add(progress);
    }

    void deadLettered(long sequence) {
        deadLettered = sequence;
    }

    List<Reached> reached() {
        return List.copyOf(reached);
    }

    int appliedCount() {
        return applied;
    }

    /** The sequence that became a dead letter in this pass, if one did. */
    Optional<Long> deadLetteredSequence() {
        return Optional.ofNullable(deadLettered);
    }
}
