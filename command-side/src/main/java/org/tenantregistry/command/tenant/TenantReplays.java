package org.tenantregistry.command.tenant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's events applied one at a time to a fresh aggregate, outside any repository, with the state after each:
 * what auditors read as the tenant's history and its state at any moment. The events are read from the first, never
 * from a snapshot, and go through the same event sourcing handlers (root and members) as a command's load, so the
 * state after an event is exactly what a command would have seen at that version.
 */
@Component
public class TenantReplays {

    private final EventStore events;
    private final org.axonframework.config.Configuration axon;
    private volatile AggregateModel<Tenant> model;

    TenantReplays(EventStore events, org.axonframework.config.Configuration axon) {
        this.events = events;
        this.axon = axon;
    }

    /**
     * Every event of the tenant with the state it left, as a caller of that partner (null: any partner) may see
     * them: an unknown id, or a tenant that belongs to another partner now, is not found, as for a command. A purged
     * tenant's events are all there: its history is the auditors' to read.
     *
     * @throws AggregateNotFoundException for an id no tenant has, or another partner's tenant
     */
    public List<TenantStep> stepsOf(UUID tenantId, String callerPartner) {
        List<TenantStep> steps = stepsOf(tenantId, Long.MAX_VALUE);
        if (steps.isEmpty()) {
            throw new AggregateNotFoundException(tenantId.toString(), "no tenant " + tenantId);
        }
        if (callerPartner != null) {
            TenantState now = steps.get(steps.size() - 1).state();
            PartnerBoundary.requireVisible(callerPartner, tenantId, now.details().partnerId());
        }
        return steps;
    }

    /** The tenant's events up to and including this sequence number, each with the state it left; empty if none. */
    public List<TenantStep> stepsOf(UUID tenantId, long lastSequence) {
        DomainEventStream stream = events.readEvents(tenantId.toString(), 0L);
        Replay replay = new Replay(model());
        List<TenantStep> steps = new ArrayList<>();
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= lastSequence) {
            DomainEventMessage<?> event = stream.next();
            steps.add(new TenantStep(event, replay.apply(event)));
        }
        return steps;
    }

    /**
     * The model of the repository's aggregate: Axon's parameter resolvers and handler definitions, so that the
     * command handlers' parameters (claims, numbers, properties) resolve as they do there. Built on first use, when
     * every bean those resolvers look up exists.
     */
    private AggregateModel<Tenant> model() {
        AggregateModel<Tenant> inspected = model;
        if (inspected == null) {
            inspected = AnnotatedAggregateMetaModelFactory.inspectAggregate(Tenant.class,
                    axon.parameterResolverFactory(), axon.handlerDefinition(Tenant.class));
            model = inspected;
        }
        return inspected;
    }

    /** One fresh tenant that the events of its stream are applied to in order. */
    private static final class Replay {

        private final EventSourcedAggregate<Tenant> aggregate;

        Replay(AggregateModel<Tenant> model) {
            // no event bus: a replay publishes nothing, and no snapshots are taken of it
            this.aggregate = EventSourcedAggregate.initialize(new Tenant(), model, null,
                    NoSnapshotTriggerDefinition.TRIGGER);
        }

        TenantState apply(DomainEventMessage<?> event) {
            aggregate.initializeState(DomainEventStream.of(event));
            return aggregate.invoke(Tenant::state);
        }
    }
}
