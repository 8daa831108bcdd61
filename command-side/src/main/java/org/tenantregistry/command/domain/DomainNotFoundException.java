package org.tenantregistry.command.domain;

import java.util.UUID;

/** The tenant has no custom domain with that id (never had, or it was removed). */
public class DomainNotFoundException extends RuntimeException {

    public DomainNotFoundException(UUID tenantId, UUID domainId) {
        super("tenant " + tenantId + " has no custom domain " + domainId);
    }
}
