package org.tenantregistry.command.domain;

import java.time.Instant;

/** A pending domain's token ran out before DNS proved it: it must be added again for a new one. */
public class DomainTokenExpiredException extends RuntimeException {

    private final String domain;
    private final Instant expiredAt;

    DomainTokenExpiredException(String domain, Instant expiredAt) {
        super("the verification token of " + domain + " expired at " + expiredAt);
        this.domain = domain;
        this.expiredAt = expiredAt;
    }

    public String domain() {
        return domain;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
