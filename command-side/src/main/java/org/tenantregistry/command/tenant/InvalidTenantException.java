package org.tenantregistry.command.tenant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command broke field rules; {@link #errors()} maps each JSON field path to what is wrong with it. */
public class InvalidTenantException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidTenantException(Map<String, String> errors) {
        super("invalid tenant fields: " + errors.keySet());
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidTenantException of(String field, String message) {
        return new InvalidTenantException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
