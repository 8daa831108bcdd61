package org.tenantregistry.query.web;

/** The request body is above {@link QueryWebProperties#maxBodySize()}. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than " + limitBytes + " bytes");
    }
}
