package org.tenantregistry.command.audit;

import org.tenantregistry.command.tenant.TenantState;

import java.time.Instant;

/**
 * The tenant as it was at a moment of its past.
 *
 * @param at the moment asked for ({@code as_of}), or the time of the last event counted ({@code at_version}): what
 *           decides whether a custom domain's token had expired then
 */
public record PastState(TenantState state, Instant at) {
}
