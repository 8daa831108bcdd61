package org.tenantregistry.query.projection;

public class DeadLetterNotFoundException extends RuntimeException {

    public DeadLetterNotFoundException(String what) {
        super(what);
    }
}
