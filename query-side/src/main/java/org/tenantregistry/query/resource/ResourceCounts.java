package org.tenantregistry.query.resource;

/** How many resources of each kind a tenant has. */
public record ResourceCounts(int extensions, int dids, int queues, int rates, int users) {

    public static final ResourceCounts NONE = new ResourceCounts(0, 0, 0, 0, 0);
}
