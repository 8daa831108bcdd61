package org.tenantregistry.support.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Query parameters the API refuses, each with a reason, the same on both sides: 400 when one could not even be read
 * (not a number, not an instant, not a token), 422 when all were readable but some are out of bounds or contradict
 * each other.
 */
public class InvalidParametersException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> errors;

    public InvalidParametersException(HttpStatus status, Map<String, String> errors) {
        super("invalid parameters " + errors.keySet());
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
