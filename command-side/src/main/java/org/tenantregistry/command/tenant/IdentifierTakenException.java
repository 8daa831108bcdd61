package org.tenantregistry.command.tenant;

/** Another tenant holds the slug or domain, or it is quarantined after its release. */
public class IdentifierTakenException extends RuntimeException {

    private final String field;

    public IdentifierTakenException(String field, String value) {
        super(field + " '" + value + "' is taken by another tenant or still quarantined after its release");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
