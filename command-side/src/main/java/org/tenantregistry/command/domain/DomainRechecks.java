package org.tenantregistry.command.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When each verified domain is checked again: a schedule kept in the database, written in the transaction of the
 * command that verifies, loses or removes the domain, so that it survives restarts and never disagrees with the
 * events.
 */
public interface DomainRechecks {

    /** One re-check that is due. */
    record Due(UUID tenantId, UUID domainId) {
    }

    void scheduleAt(UUID tenantId, UUID domainId, Instant at);

    void cancel(UUID domainId);

    /** Every re-check of the tenant; a purge ends them all. */
    void cancelAllOf(UUID tenantId);

    /**
     * Takes up to {@code limit} re-checks due at {@code now}, each moved to {@code retryAt} at once so that another
     * node does not take it too and one whose check never ends is taken again later.
     */
    List<Due> takeDue(Instant now, int limit, Instant retryAt);
}
