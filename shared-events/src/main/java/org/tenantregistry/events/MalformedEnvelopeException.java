package org.tenantregistry.events;

/** Bytes that claim to be a tenant event but cannot be read as one: a poison record for a consumer. */
public class MalformedEnvelopeException extends RuntimeException {

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
