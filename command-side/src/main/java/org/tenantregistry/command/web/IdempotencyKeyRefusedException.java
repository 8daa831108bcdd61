package org.tenantregistry.command.web;

import org.springframework.http.HttpStatus;

/** An {@code Idempotency-Key} that cannot be honoured for this request. */
class IdempotencyKeyRefusedException extends RuntimeException {

    enum Reason {
        MALFORMED(HttpStatus.BAD_REQUEST, "must be 1 to 255 visible ASCII characters"),
        IN_FLIGHT(HttpStatus.CONFLICT, "a request with this key is still being processed; retry later"),
        OTHER_REQUEST(HttpStatus.UNPROCESSABLE_CONTENT,
                "this key was already used for a different request (another method, path or body)");

        final HttpStatus status;
        final String detail;

        Reason(HttpStatus status, String detail) {
            this.status = status;
            this.detail = detail;
        }
    }

    private final Reason reason;

    IdempotencyKeyRefusedException(Reason reason) {
        super("Idempotency-Key " + reason.detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
