package org.tenantregistry.query.erasure;

/**
 * A tenant's key cannot be had now: the command side is unreachable, slow, failing or refuses our token, or the
 * query side is not configured to ask it. Not the event's fault: the projection retries it for as long as it takes,
 * like an event the database was away for, so that no record of the topic is lost or skipped.
 */
public class EventKeyUnavailableException extends RuntimeException {

    public EventKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
