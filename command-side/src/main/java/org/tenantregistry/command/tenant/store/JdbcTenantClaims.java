package org.tenantregistry.command.tenant.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.ClaimsProperties;
import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.TenantClaims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims in table {@code tenant_claim}, written in the command's transaction. One upsert decides each claim
 * atomically: it takes a free value, a value of the same tenant, or a value whose quarantine has run out, and touches
 * nothing otherwise. A concurrent claim of the same value waits on the row lock and then finds it taken, so exactly
 * one of two racing creates wins, and neither aborts its transaction on a constraint violation.
 */
@Component
class JdbcTenantClaims implements TenantClaims {

    private static final String CLAIM = """
            INSERT INTO tenant_claim (kind, value, tenant_id, released_at)
            VALUES (:kind, :value, :tenantId, NULL)
            ON CONFLICT (kind, value) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, released_at = NULL
            WHERE tenant_claim.tenant_id = EXCLUDED.tenant_id
               OR (tenant_claim.released_at IS NOT NULL AND tenant_claim.released_at <= :quarantineEnd)
            """;

    /** The same upsert for a slug and a domain in one round trip; RETURNING names the kinds it could claim. */
    private static final String CLAIM_BOTH = """
            INSERT INTO tenant_claim (kind, value, tenant_id, released_at)
            VALUES ('SLUG', :slug, :tenantId, NULL), ('DOMAIN', :domain, :tenantId, NULL)
            ON CONFLICT (kind, value) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, released_at = NULL
            WHERE tenant_claim.tenant_id = EXCLUDED.tenant_id
               OR (tenant_claim.released_at IS NOT NULL AND tenant_claim.released_at <= :quarantineEnd)
            RETURNING kind
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration quarantine;

    JdbcTenantClaims(JdbcClient jdbc, Clock clock, ClaimsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.quarantine = properties.quarantine();
    }

    @Override
    public void claim(Kind kind, String value, UUID tenantId) {
        if (!tryClaim(kind, value, tenantId)) {
            throw new IdentifierTakenException(kind.name().toLowerCase(Locale.ROOT), value);
        }
    }

    /**
     * Rows are claimed in the order listed (slug, then domain), as two single claims would be, so concurrent creates
     * lock values in the same order. What could not be claimed leaves the transaction to be rolled back by the throw.
     */
    @Override
    public void claimSlugAndDomain(String slug, String domain, UUID tenantId) {
        List<String> claimed = jdbc.sql(CLAIM_BOTH)
                .param("slug", slug)
                .param("domain", domain)
                .param("tenantId", tenantId)
                .param("quarantineEnd", Timestamp.from(clock.instant().minus(quarantine)))
                .query(String.class)
                .list();
        if (!claimed.contains(Kind.SLUG.name())) {
            throw new IdentifierTakenException("slug", slug);
        }
        if (!claimed.contains(Kind.DOMAIN.name())) {
            throw new IdentifierTakenException("domain", domain);
        }
    }

    @Override
    public Optional<String> claimFirstFree(Kind kind, List<String> candidates, UUID tenantId) {
        return candidates.stream().filter(candidate -> tryClaim(kind, candidate, tenantId)).findFirst();
    }

    @Override
    public void release(Kind kind, String value, UUID tenantId) {
        jdbc.sql("UPDATE tenant_claim SET released_at = :now WHERE kind = :kind AND value = :value AND tenant_id = :tenantId")
                .param("now", Timestamp.from(clock.instant()))
                .param("kind", kind.name())
                .param("value", value)
                .param("tenantId", tenantId)
                .update();
    }

    private boolean tryClaim(Kind kind, String value, UUID tenantId) {
        Instant quarantineEnd = clock.instant().minus(quarantine);
        return jdbc.sql(CLAIM)
                .param("kind", kind.name())
                .param("value", value)
                .param("tenantId", tenantId)
                .param("quarantineEnd", Timestamp.from(quarantineEnd))
                .update() == 1;
    }
}
