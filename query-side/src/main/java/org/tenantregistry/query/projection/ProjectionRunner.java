package org.tenantregistry.query.projection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.TenantEventEnvelope;

import java.util.List;
import java.util.UUID;

/**
 * What the listeners call: applies events to a projection idempotently and in each tenant's order. The read model
 * change and the tracking row share one transaction; a redelivered event changes nothing; an event that skips a
 * sequence number is refused (and reported) instead of being applied over a hole; an event that cannot be applied is
 * refused with {@link EventNotApplicableException}, and the error handler then sets it aside as a dead letter.
 */
@Component
public class ProjectionRunner {

    private final TransactionTemplate transaction;
    private final OrderedApply orderedApply;
    private final ParkedEvents parked;
    private final ProjectionProgress progress;

    ProjectionRunner(TransactionTemplate transaction, OrderedApply orderedApply, ParkedEvents parked,
                     ProjectionProgress progress) {
        this.transaction = transaction;
        this.orderedApply = orderedApply;
        this.parked = parked;
        this.progress = progress;
    }

    /**
     * @throws SequenceGapException        when an earlier event of the tenant is missing and none of it waits yet
     * @throws EventNotApplicableException when the projection cannot apply this event (or a parked one behind it)
     */
    public void handle(Projection projection, TenantEventEnvelope envelope) {
        handleAll(projection, List.of(envelope));
    }

    /** One transaction for the whole batch: a rebuild or a bulk load pays one commit per batch, not per event. */
    public void handleAll(Projection projection, List<TenantEventEnvelope> envelopes) {
        ApplyPass pass = ApplyPass.of(projection);
        transaction.executeWithoutResult(status -> envelopes.forEach(envelope -> orderedApply.receive(pass, envelope, false)));
        progress.committed(projection.name(), pass.reached());
    }

    /**
     * The last resort for an event whose gap outlived its retries: it waits in the parking table, and applying the
     * missing event later applies it too. Should the missing event have arrived meanwhile, it is applied right away.
     */
    public void parkOrApply(Projection projection, TenantEventEnvelope envelope) {
        ApplyPass pass = ApplyPass.of(projection);
        transaction.executeWithoutResult(status -> orderedApply.receive(pass, envelope, true));
        progress.committed(projection.name(), pass.reached());
    }

    /**
     * The last resort for an event the projection cannot apply: handles the record again, with the event that failed
     * (the record's own, or a parked one behind it) set aside as a dead letter, and its tenant's later events parked
     * behind it. Every other tenant goes on.
     *
     * @param attempts how often it was tried
     */
    public void deadLetter(Projection projection, TenantEventEnvelope received, EventNotApplicableException failure,
                           int attempts) {
        ApplyPass pass = ApplyPass.deadLettering(projection, failure, attempts);
        transaction.executeWithoutResult(status -> orderedApply.receive(pass, received, true));
        progress.committed(projection.name(), pass.reached());
    }

    public long parkedCount(Projection projection, UUID tenantId) {
        return parked.count(projection.name(), tenantId);
    }
}
