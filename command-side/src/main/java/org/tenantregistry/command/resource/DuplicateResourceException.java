package org.tenantregistry.command.resource;

/** The tenant already has a resource of that kind with that key (an extension's number, a queue's name, …). */
public class DuplicateResourceException extends RuntimeException {

    private final String field;

    DuplicateResourceException(ResourceKind kind, String field, String value) {
        super("the tenant already has " + kind.pathName() + " with " + field + " " + value);
        this.field = field;
    }

    /** The attribute that must be unique within the tenant. */
    public String field() {
        return field;
    }
}
