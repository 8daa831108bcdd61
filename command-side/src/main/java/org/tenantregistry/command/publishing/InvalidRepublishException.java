package org.tenantregistry.command.publishing;

import java.util.Map;

/** A republish request that names no valid selection of events. */
public class InvalidRepublishException extends RuntimeException {

    private final Map<String, String> errors;

    InvalidRepublishException(String field, String message) {
        super("invalid republish request: " + field + " " + message);
        this.errors = Map.of(field, message);
    }

    /** The message per field, as the tenant fields' errors. */
    public Map<String, String> errors() {
        return errors;
    }
}
