package org.tenantregistry.command.domain;

/** The domain is not in a state that allows the change: only a verified domain becomes primary; the primary stays. */
public class DomainStateConflictException extends RuntimeException {

    /** Which rule refused, a stable word for the problem's type. */
    public enum Rule {
        NOT_VERIFIED, PRIMARY_DOMAIN
    }

    private final Rule rule;

    DomainStateConflictException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
