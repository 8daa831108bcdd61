package org.tenantregistry.command.audit;

import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.TenantReplays;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantStep;
import org.tenantregistry.events.TenantPurged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's history and its state at any moment, from the event store, which is the source of truth: every event
 * from the first (never from a snapshot), replayed into a fresh aggregate. Nothing is ever dropped by age, and a
 * purged tenant's history stays readable: auditors need what happened to it most of all. A caller of a partner reads
 * only the tenants that are that partner's now, as everywhere else; another's is not found.
 * <p>
 * Every read replays the whole stream, since the diff of the newest event needs the state before it; a tenant's
 * stream is short enough for that (tens to thousands of events).
 */
@Component
public class TenantHistory {

    private final TenantReplays replays;
    private final EventLog log;

    TenantHistory(TenantReplays replays, EventLog log) {
        this.replays = replays;
        this.log = log;
    }

    /** @throws org.axonframework.modelling.command.AggregateNotFoundException for an unknown or invisible tenant */
    public AuditPage of(UUID tenantId, String callerPartner, HistoryQuery query) {
        List<AuditedEvent> matching = new ArrayList<>();
        TenantState before = null;
        for (TenantStep step : replays.stepsOf(tenantId, callerPartner)) {
            AuditedEvent event = AuditedEvent.of(step, before, null);
            if (query.admits(event)) {
                matching.add(event);
            }
            before = step.state();
        }
        if (query.order() == HistoryOrder.DESC) {
            Collections.reverse(matching);
        }
        boolean more = matching.size() > query.limit();
        List<AuditedEvent> page = withPositions(tenantId, more ? matching.subList(0, query.limit()) : matching);
        return new AuditPage(page, more ? page.get(page.size() - 1).sequence() : null);
    }

    private List<AuditedEvent> withPositions(UUID tenantId, List<AuditedEvent> events) {
        Map<Long, Long> positions = log.positionsOf(tenantId, events.stream().map(AuditedEvent::sequence).toList());
        return events.stream().map(event -> event.at(positions.get(event.sequence()))).toList();
    }

    /**
     * The tenant after the last event at or before the instant.
     *
     * @throws TenantAbsentException when it was created later, or purged by then
     */
    public PastState asOf(UUID tenantId, String callerPartner, Instant instant) {
        List<TenantStep> steps = replays.stepsOf(tenantId, callerPartner);
        int counted = 0;
        while (counted < steps.size() && !steps.get(counted).event().getTimestamp().isAfter(instant)) {
            counted++;
        }
        if (counted == 0) {
            throw new TenantAbsentException(tenantId, "Tenant " + tenantId + " did not exist yet at " + instant
                    + ": it was created at " + steps.get(0).event().getTimestamp() + ".");
        }
        List<TenantStep> upTo = steps.subList(0, counted);
        requireNotPurged(tenantId, upTo, "at " + instant);
        return new PastState(upTo.get(counted - 1).state(), instant);
    }

    /**
     * The tenant after its first {@code version} events.
     *
     * @throws TenantAbsentException when it has fewer events, or the last of them purged it
     */
    public PastState atVersion(UUID tenantId, String callerPartner, long version) {
        List<TenantStep> steps = replays.stepsOf(tenantId, callerPartner);
        if (version > steps.size()) {
            throw new TenantAbsentException(tenantId, "Tenant " + tenantId + " has no version " + version
                    + " (yet): its latest is " + steps.size() + ".");
        }
        List<TenantStep> upTo = steps.subList(0, Math.toIntExact(version));
        requireNotPurged(tenantId, upTo, "at version " + version);
        TenantStep step = upTo.get(upTo.size() - 1);
        return new PastState(step.state(), step.event().getTimestamp());
    }

    /** Events recorded after the purge (a redaction) do not bring the tenant back. */
    private static void requireNotPurged(UUID tenantId, List<TenantStep> steps, String when) {
        steps.stream().filter(step -> step.event().getPayloadType() == TenantPurged.class).findFirst()
                .ifPresent(purge -> {
                    throw new TenantAbsentException(tenantId, "Tenant " + tenantId + " no longer existed " + when
                            + ": it was purged at " + purge.event().getTimestamp() + ". Its history is still "
                            + "readable.");
                });
    }
}
