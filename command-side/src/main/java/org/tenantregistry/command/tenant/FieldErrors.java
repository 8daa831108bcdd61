package org.tenantregistry.command.tenant;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every broken rule of one command, so that a client learns all of them in one answer. */
final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidTenantException(errors);
        }
    }
}
