package org.tenantregistry.command.audit;

import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.TenantReplays;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantStep;
import org.tenantregistry.events.TenantEventTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of every tenant, by global position, for auditors: the positions come from the event store's index,
 * the events and the states around them from each tenant's replay, as in its history. Replays go only as far as the
 * page needs.
 */
@Component
public class AuditEvents {

    private final EventLog log;
    private final TenantReplays replays;

    AuditEvents(EventLog log, TenantReplays replays) {
        this.log = log;
        this.replays = replays;
    }

    /**
     * One page; its {@code next} is the position to read on from: null when nothing more matches now (a caller
     * polling for new events reads on from {@link Result#settled()}).
     */
    public Result of(EventsQuery query) {
        List<String> payloadTypes = query.types().stream()
                .map(name -> TenantEventTypes.classOf(name).map(Class::getName).orElse(name)).toList();
        EventLog.Positions positions = log.after(query, payloadTypes);
        Map<UUID, Long> lastSequence = new HashMap<>();
        positions.events().forEach(position -> lastSequence.merge(position.tenantId(), position.sequence(), Math::max));
        Map<UUID, List<TenantStep>> steps = new HashMap<>();
        lastSequence.forEach((tenantId, last) -> steps.put(tenantId, replays.stepsOf(tenantId, last)));

        List<AuditedEvent> events = new ArrayList<>();
        for (EventLog.Position position : positions.events()) {
            List<TenantStep> stream = steps.get(position.tenantId());
            int index = Math.toIntExact(position.sequence());
            TenantState before = index == 0 ? null : stream.get(index - 1).state();
            events.add(AuditedEvent.of(stream.get(index), before, position.position()));
        }
        return new Result(new AuditPage(events, positions.more() ? positions.settled() : null),
                positions.settled());
    }

    /**
     * @param settled the position everything up to which was read: where a poll for newer events reads on from
     */
    public record Result(AuditPage page, long settled) {
    }
}
