package org.tenantregistry.command.web;

/**
 * {@code PUT /api/settings} by a token bound to no tenant: it names no tenant whose settings it would change, and the
 * same token can never succeed there (403, not a fault of the body).
 */
class NotTenantBoundException extends RuntimeException {

    NotTenantBoundException() {
        super("PUT /api/settings changes the settings of the token's own tenant, and this token has no tenant_id "
                + "claim (it is a client admin's endpoint). Change a tenant's settings with PUT or PATCH "
                + "/api/tenants/{id}.");
    }
}
