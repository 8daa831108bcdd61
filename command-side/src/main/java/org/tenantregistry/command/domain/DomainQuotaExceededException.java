package org.tenantregistry.command.domain;

/** The tenant already has as many custom domains as the platform allows; nothing was written. */
public class DomainQuotaExceededException extends RuntimeException {

    private final int limit;
    private final int usage;

    DomainQuotaExceededException(int limit, int usage) {
        super("the tenant may have at most " + limit + " custom domains and has " + usage + "; remove one first");
        this.limit = limit;
        this.usage = usage;
    }

    public int limit() {
        return limit;
    }

    public int usage() {
        return usage;
    }
}
