package org.tenantregistry.query.erasure;

import org.tenantregistry.events.MalformedEnvelopeException;

import java.util.UUID;

/**
 * The command side knows no tenant of this id (404), yet the envelope holds sealed fields of it: no key will ever open
 * them, so the event is malformed for this consumer and becomes a dead letter, as a sealed value that does not open
 * does. (A purged tenant is no unknown one: its key answers 410 Gone.)
 */
public class EventKeyNotFoundException extends MalformedEnvelopeException {

    public EventKeyNotFoundException(UUID tenantId) {
        super("the command side knows no tenant " + tenantId + ", so its sealed fields cannot be opened", null);
    }
}
