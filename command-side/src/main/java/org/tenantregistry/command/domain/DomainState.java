package org.tenantregistry.command.domain;

/**
 * A custom domain as a write left it, with what the REST answer shows around it.
 *
 * @param primary     whether it is the tenant's primary domain
 * @param cnameTarget where its CNAME must point: the tenant's {@code <slug>.<base domain>} now
 * @param version     the tenant's version after the write, also its {@code ETag}
 */
public record DomainState(CustomDomain domain, boolean primary, String cnameTarget, long version) {
}
