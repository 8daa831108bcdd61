package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;

import java.util.Optional;

/**
 * A read model kept from the tenant events. {@link ProjectionRunner} calls it inside the database transaction that also
 * records the applied sequence, exactly once per event and in each tenant's sequence order.
 */
public interface Projection {

    /** Names the projection in the tracking table, in metrics and in {@code tenant-registry.query.projections.*}. */
    String name();

    /**
     * @param event empty when the envelope's type is unknown to this version of the contract: the projection still
     *              sees the envelope, since a tenant's version counts every event
     */
    void apply(TenantEventEnvelope envelope, Optional<TenantEvent> event);
}
