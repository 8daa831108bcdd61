package org.tenantregistry.command.resource;

import java.util.UUID;

/** The tenant has no resource of that kind with that id (never had, or released it). */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(ResourceKind kind, UUID resourceId) {
        super("the tenant has no " + kind.pathName() + " resource " + resourceId);
    }
}
