package org.tenantregistry.command.tenant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantRestored;

import java.time.Instant;

/**
 * When the tenant was created, last changed and deleted: the times of its events, so that a write can answer the
 * whole record without reading it back. A member of the aggregate because it sees every event, whichever handler of
 * the root handles it too.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class TenantTimes {

    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;

    @EventSourcingHandler
    void on(TenantEvent event, @Timestamp Instant at) {
        if (event instanceof TenantCreated) {
            createdAt = at;
        } else if (event instanceof TenantDeleted) {
            deletedAt = at;
        } else if (event instanceof TenantRestored) {
            deletedAt = null;
        }
        updatedAt = at;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant deletedAt() {
        return deletedAt;
    }
}
