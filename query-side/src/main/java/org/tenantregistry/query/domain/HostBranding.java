package org.tenantregistry.query.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a host is, for the public branding.
 *
 * @param name        the tenant's name, for {@link Kind#TENANT}
 * @param movedTo     the tenant's current host ({@code <slug>.<base domain>}), for {@link Kind#MOVED}
 */
public record HostBranding(Kind kind, @Nullable String name, @Nullable String logoUrl, @Nullable String accentColor,
                           @Nullable String movedTo) {

    public enum Kind {
        /** A tenant's slug host, verified custom domain or primary domain. */
        TENANT,
        /** The base domain or one of the platform's hosts. */
        PLATFORM,
        /** A slug the tenant gave up, still in quarantine. */
        MOVED,
        /** Nobody's. */
        UNKNOWN
    }

    static final HostBranding PLATFORM_HOST = new HostBranding(Kind.PLATFORM, null, null, null, null);
    static final HostBranding UNKNOWN_HOST = new HostBranding(Kind.UNKNOWN, null, null, null, null);
}
