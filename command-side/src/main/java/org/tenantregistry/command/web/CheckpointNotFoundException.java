package org.tenantregistry.command.web;

/** A chain checkpoint id that was never given out. */
class CheckpointNotFoundException extends RuntimeException {

    CheckpointNotFoundException(long id) {
        super("There is no chain checkpoint " + id);
    }
}
