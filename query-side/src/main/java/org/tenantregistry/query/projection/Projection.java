package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;

/**
 * A read model kept from the tenant events. {@link ProjectionRunner} calls it inside the database transaction that also
 * records the applied sequence, exactly once per event and in each tenant's sequence order.
 */
public interface Projection {

    /** Names the projection in the tracking table, in metrics and in {@code tenant-registry.query.projections.*}. */
    String name();

    /**
     * @param event the envelope's event; one of a type this version does not know never reaches a projection (it
     *              becomes a dead letter, since a tenant's version counts every event)
     * @throws RuntimeException a data error (SQLState class 22 or 23) or any failure of the projection's own code
     *                          makes the event a dead letter; a failure of the database or the connection is retried
     */
    void apply(TenantEventEnvelope envelope, TenantEvent event);
}
