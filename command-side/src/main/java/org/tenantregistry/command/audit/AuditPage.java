package org.tenantregistry.command.audit;

import java.util.List;

/**
 * One page of audited events.
 *
 * @param next the cursor that reads the page after this one (a sequence for a tenant's history, a global position
 *             for the events across tenants); null when this page holds the last matching events
 */
public record AuditPage(List<AuditedEvent> events, Long next) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
