package org.tenantregistry.support.ratelimit;

/** A caller's bucket for an endpoint group is empty: answered 429 with {@code Retry-After} by each side. */
public class RateLimitExceededException extends RuntimeException {

    private final String group;
    private final int perMinute;
    private final long retryAfterSeconds;

    public RateLimitExceededException(String group, int perMinute, long retryAfterSeconds) {
        super("More than " + perMinute + " requests a minute to the " + group + " endpoints; retry in "
                + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."));
        this.group = group;
        this.perMinute = perMinute;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String group() {
        return group;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Until the caller's requests in the group are accepted again; the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
