package org.tenantregistry.events;

/** A sealed field that does not open with the tenant's key: not sealed by the registry, or altered on the way. */
public class SealedValueException extends MalformedEnvelopeException {

    public SealedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
