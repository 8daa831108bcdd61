package org.tenantregistry.command.web;

/** No republish job ran since this instance started. */
class NoRepublishException extends RuntimeException {

    NoRepublishException() {
        super("No republish job ran since this instance started.");
    }
}
