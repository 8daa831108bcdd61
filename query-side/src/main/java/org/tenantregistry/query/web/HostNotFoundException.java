package org.tenantregistry.query.web;

/** No tenant answers to the request's host. */
class HostNotFoundException extends RuntimeException {

    HostNotFoundException(String host) {
        super("No tenant at host '" + host + "'");
    }
}
