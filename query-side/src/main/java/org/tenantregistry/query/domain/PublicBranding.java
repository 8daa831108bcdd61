package org.tenantregistry.query.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.net.IDN;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tenant a host belongs to, for {@code GET /api/public/branding}: {@code <slug>.<base domain>}, a verified custom
 * domain, or the tenant's primary domain unless that name is one of its custom domains not verified (yet or any more).
 * Soft-deleted tenants are nobody. A slug the tenant gave up moves to its current one while it is in quarantine.
 * <p>
 * The hot public path: a host's resolution is kept in memory, found or not, for {@code branding-cache-ttl}. A TTL
 * rather than invalidation by the projections: the answer joins two projections (tenants and domains), and each
 * tenant's events are applied by whichever instance holds its partition, so no instance sees every change it would
 * have to invalidate. A short TTL bounds the staleness the same on every instance, and stays below what clients may
 * cache anyway ({@code branding-max-age}). A miss costs one statement on indexed columns.
 */
@Service
public class PublicBranding {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClaimsProperties claims;
    private final String baseDomain;
    private final Set<String> platformHosts;
    private final Cache<String, HostBranding> cache;

    PublicBranding(JdbcClient jdbc, Clock clock, DomainProperties properties, ClaimsProperties claims) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = claims;
        this.baseDomain = normalized(properties.baseDomain()).orElseThrow(() ->
                new IllegalArgumentException("tenant-registry.domains.base-domain is no host name"));
        this.platformHosts = properties.platformHosts().stream().map(PublicBranding::normalized)
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.brandingCacheTtl())
                .maximumSize(properties.brandingCacheSize())
                .build();
    }

    public String baseDomain() {
        return baseDomain;
    }

    /** @param serverName the request's host, without port (behind the gateway, the host the client asked for) */
    public HostBranding of(String serverName) {
        Optional<String> host = normalized(serverName);
        if (host.isEmpty()) {
            return HostBranding.UNKNOWN_HOST;
        }
        return cache.get(host.get(), this::resolve);
    }

    private HostBranding resolve(String host) {
        if (host.equals(baseDomain) || platformHosts.contains(host)) {
            return HostBranding.PLATFORM_HOST;
        }
        if (host.endsWith("." + baseDomain)) {
            String slug = host.substring(0, host.length() - baseDomain.length() - 1);
            return slug.contains(".") ? HostBranding.UNKNOWN_HOST : bySlug(slug);
        }
        return byDomain(host);
    }

    /** The tenant's current slug, else the slug it released within the quarantine (the current slug first). */
    private HostBranding bySlug(String slug) {
        return jdbc.sql("""
                        SELECT name, logo_url, accent_color, slug, false AS moved FROM tenant
                         WHERE slug = :slug AND status <> 'deleted'
                        UNION ALL
                        SELECT t.name, t.logo_url, t.accent_color, t.slug, true
                          FROM tenant_released_slug r JOIN tenant t ON t.id = r.tenant_id
                         WHERE r.slug = :slug AND r.released_at > :releasedAfter AND t.status <> 'deleted'
                           AND t.slug <> :slug
                        ORDER BY moved LIMIT 1""")
                .param("slug", slug)
                .param("releasedAfter", Timestamp.from(clock.instant().minus(claims.quarantine())))
                .query((row, number) -> row.getBoolean("moved")
                        ? new HostBranding(HostBranding.Kind.MOVED, null, null, null,
                        row.getString("slug") + "." + baseDomain)
                        : new HostBranding(HostBranding.Kind.TENANT, row.getString("name"),
                        row.getString("logo_url"), row.getString("accent_color"), null))
                .optional()
                .orElse(HostBranding.UNKNOWN_HOST);
    }

    /** A verified custom domain, else a primary domain that is not one of the tenant's unverified custom domains. */
    private HostBranding byDomain(String host) {
        return jdbc.sql("""
                        SELECT t.name, t.logo_url, t.accent_color, 0 AS rank
                          FROM tenant_domain d JOIN tenant t ON t.id = d.tenant_id
                         WHERE d.domain = :host AND d.state = 'verified' AND t.status <> 'deleted'
                        UNION ALL
                        SELECT t.name, t.logo_url, t.accent_color, 1 FROM tenant t
                         WHERE lower(t.domain) = :host AND t.status <> 'deleted'
                           AND NOT EXISTS (SELECT 1 FROM tenant_domain d
                                            WHERE d.domain = :host AND d.tenant_id = t.id AND d.state <> 'verified')
                        ORDER BY rank LIMIT 1""")
                .param("host", host)
                .query((row, number) -> new HostBranding(HostBranding.Kind.TENANT, row.getString("name"),
                        row.getString("logo_url"), row.getString("accent_color"), null))
                .optional()
                .orElse(HostBranding.UNKNOWN_HOST);
    }

    /**
     * Lower case, without the brackets of an IPv6 literal and without a trailing dot, IDNs as A-labels (as the
     * events carry domains); empty for what is no host name at all.
     */
    static Optional<String> normalized(String serverName) {
        if (serverName == null) {
            return Optional.empty();
        }
        String host = serverName.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
    }
}
