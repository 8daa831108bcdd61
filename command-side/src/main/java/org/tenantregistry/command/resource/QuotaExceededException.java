package org.tenantregistry.command.resource;

/**
 * A registration past a kind's quota, or a quota lowered below what the tenant already uses. Nothing was written.
 */
public class QuotaExceededException extends RuntimeException {

    private final ResourceKind kind;
    private final int limit;
    private final int usage;

    QuotaExceededException(ResourceKind kind, int limit, int usage, String message) {
        super(message);
        this.kind = kind;
        this.limit = limit;
        this.usage = usage;
    }

    static QuotaExceededException registrationPast(ResourceKind kind, int limit, int usage) {
        return new QuotaExceededException(kind, limit, usage, "the tenant may have at most " + limit + " "
                + kind.pathName() + " and has " + usage + "; release one or raise the quota first");
    }

    static QuotaExceededException quotaBelowUsage(ResourceKind kind, int limit, int usage) {
        return new QuotaExceededException(kind, limit, usage, "the quota of " + kind.pathName() + " cannot go down to "
                + limit + " while the tenant has " + usage + "; release some first");
    }

    public ResourceKind kind() {
        return kind;
    }

    public int limit() {
        return limit;
    }

    public int usage() {
        return usage;
    }
}
