package org.tenantregistry.command.tenant;

import java.util.Optional;
import java.util.UUID;

/**
 * Tenants' short numbers: the numeric ids of the APIs the registry replaces. A number is allocated once, in the
 * create's transaction, and never given to another tenant, not even after a purge.
 */
public interface TenantNumbers {

    /** A new number for a new tenant. */
    int allocate(UUID tenantId);

    /** The tenant the number was given to; empty when it was never given. */
    Optional<UUID> tenantOf(int number);
}
