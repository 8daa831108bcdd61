package org.tenantregistry.query.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Query parameters the API refuses, each with a reason. 400 when one could not even be read (not a number, not a
 * token), 422 when all were readable but some are out of bounds.
 */
public class InvalidParametersException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> errors;

    InvalidParametersException(HttpStatus status, Map<String, String> errors) {
        super("invalid parameters " + errors.keySet());
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    HttpStatus status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
