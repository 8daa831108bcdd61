package org.tenantregistry.command.audit;

import java.util.UUID;

/** The tenant exists, but not at the moment or version asked for: not created yet, or purged by then. */
public class TenantAbsentException extends RuntimeException {

    private final UUID tenantId;

    TenantAbsentException(UUID tenantId, String detail) {
        super(detail);
        this.tenantId = tenantId;
    }

    public UUID tenantId() {
        return tenantId;
    }
}
