package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;

import java.util.List;

/**
 * A read model kept from the tenant events. {@link ProjectionRunner} calls it inside the database transaction that also
 * records the applied sequence, exactly once per event and in each tenant's sequence order.
 */
public interface Projection {

    /** Names the projection in the tracking table, in metrics and in {@code tenant-registry.query.projections.*}. */
    String name();

    /**
     * Every table the projection writes (its tracking rows aside), in the current schema. A rebuild writes shadows of
     * exactly these; a table left out here is not found during the rebuild, which then fails instead of writing the
     * live model.
     */
    List<String> tables();

    /**
     * Applies the events of several tenants at once, each tenant's in sequence order (the order between tenants does
     * not matter): a batch from the topic costs a few set-based statements rather than a few per event.
     *
     * @param changes events of a type this version knows; one it does not know never reaches a projection (it becomes
     *                a dead letter, since a tenant's version counts every event)
     * @throws RuntimeException a data error (SQLState class 22 or 23) or any failure of the projection's own code
     *                          makes the event a dead letter once it is applied alone; a failure of the database or
     *                          the connection is retried
     */
    void applyAll(List<Change> changes);

    /** One event: what a replay, a parked event or a record that failed in its batch goes through. */
    default void apply(TenantEventEnvelope envelope, TenantEvent event) {
        applyAll(List.of(new Change(envelope, event)));
    }
}
