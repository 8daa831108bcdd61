package org.tenantregistry.command.web;

/** The request body is above {@link RequestLimitsProperties#maxBodySize()}. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than " + limitBytes + " bytes");
    }
}
