package org.tenantregistry.command.resource;

/** How many resources of each kind a tenant holds: the counts a write answers with. */
public record ResourceUsage(int extensions, int dids, int queues, int rates, int users) {
}
