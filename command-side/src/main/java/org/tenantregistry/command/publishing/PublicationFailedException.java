package org.tenantregistry.command.publishing;

/** Kafka did not acknowledge an event; thrown so the tracking processor keeps its token and retries. */
class PublicationFailedException extends RuntimeException {

    PublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
