package org.tenantregistry.command.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The re-check schedule in memory, for the aggregate tests: when each domain is due. */
public final class InMemoryDomainRechecks implements DomainRechecks {

    private record Scheduled(UUID tenantId, Instant at) {
    }

    private final Map<UUID, Scheduled> due = new HashMap<>();

    @Override
    public void scheduleAt(UUID tenantId, UUID domainId, Instant at) {
        due.put(domainId, new Scheduled(tenantId, at));
    }

    @Override
    public void cancel(UUID domainId) {
        due.remove(domainId);
    }

    @Override
    public void cancelAllOf(UUID tenantId) {
        due.values().removeIf(scheduled -> scheduled.tenantId().equals(tenantId));
    }

    @Override
    public List<Due> takeDue(Instant now, int limit, Instant retryAt) {
        throw new UnsupportedOperationException("the aggregate never takes re-checks");
    }

    public Optional<Instant> dueAt(UUID domainId) {
        return Optional.ofNullable(due.get(domainId)).map(Scheduled::at);
    }
}
