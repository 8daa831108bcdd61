package org.tenantregistry.command.tenant;

import org.tenantregistry.events.TenantStatus;

/** A lifecycle command that does not fit the tenant's current status, such as suspending a deleted tenant. */
public class IllegalTransitionException extends RuntimeException {

    private final TenantStatus current;

    public IllegalTransitionException(TenantStatus current, String action) {
        super("cannot " + action + " a tenant that is " + current.wireName());
        this.current = current;
    }

    public TenantStatus current() {
        return current;
    }
}
