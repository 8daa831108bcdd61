package org.tenantregistry.query.domain;

import java.util.Locale;

/** What the API shows of a custom domain: the read model's pending or verified, and pending past its token's expiry. */
public enum DomainState {
    PENDING,
    VERIFIED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
