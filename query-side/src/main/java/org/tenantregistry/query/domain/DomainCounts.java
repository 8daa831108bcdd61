package org.tenantregistry.query.domain;

/** How many custom domains are in each state. */
public record DomainCounts(long pending, long verified, long expired) {
}
