package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;

/** One event for a projection to apply: the envelope as it came, and the event read from it. */
public record Change(TenantEventEnvelope envelope, TenantEvent event) {
}
