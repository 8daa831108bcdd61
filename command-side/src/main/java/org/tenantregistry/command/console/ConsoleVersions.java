package org.tenantregistry.command.console;

/**
 * The version a console form was loaded at, its hidden {@code version} field: the API's If-Match. A form without one
 * (or with something else in it) asks for no precondition, as a request without If-Match does.
 */
final class ConsoleVersions {

    private ConsoleVersions() {
    }

    static Long of(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        try {
            long version = Long.parseLong(field.strip());
            return version >= 1 ? version : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
