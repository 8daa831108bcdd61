package org.tenantregistry.command.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The chain heads of every tenant at one moment, summed up in one hash.
 *
 * @param tenants how many tenants' heads it covers
 * @param root    SHA-256 of {@code heads}, lowercase hex
 * @param heads   one line {@code tenant_id sequence hash\n} per tenant, sorted by tenant id (null in lists)
 */
public record Checkpoint(long id, Instant createdAt, int tenants, String root, @Nullable String heads) {
}
