package org.tenantregistry.query.web;

import java.util.UUID;

/** The tenant has no custom domain with that id (any more). */
class DomainNotFoundException extends RuntimeException {

    DomainNotFoundException(UUID tenantId, UUID domainId) {
        super("Tenant '" + tenantId + "' has no domain '" + domainId + "'");
    }
}
