package org.tenantregistry.query.web;

/** No tenant answers to that id, slug or domain (or only a soft-deleted one, and deleted ones were not asked for). */
public class TenantNotFoundException extends RuntimeException {

    public TenantNotFoundException(String what, String value) {
        super("No tenant with " + what + " '" + value + "'");
    }
}
