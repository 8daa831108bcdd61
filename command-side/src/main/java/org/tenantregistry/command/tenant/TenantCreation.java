package org.tenantregistry.command.tenant;

/**
 * What a create decided and the caller is told: the slug as stored (derived from the name when none was given) and
 * the tenant's version. The handler answers with it so that the answer needs no read of the event just written.
 */
public record TenantCreation(String slug, long version) {
}
