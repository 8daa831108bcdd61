package org.tenantregistry.query.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.DnsCheck;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The writes of {@link DomainProjection}, in the runner's transaction. The runner applies each event once; the
 * statements are still safe to repeat (an upsert, updates that set values, deletes), as a replay may do.
 */
@Component
class DomainTables {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DomainTables(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Pending with this token; a domain added again keeps its row, its creation and whether it is the primary. */
    void add(UUID tenantId, UUID domainId, String domain, String token, Instant expiresAt, Instant at) {
        jdbc.sql("""
                        INSERT INTO tenant_domain (tenant_id, domain_id, domain, state, verification_token,
                                                   token_expires_at, created_at, updated_at)
                        VALUES (:tenantId, :domainId, lower(:domain), 'pending', :token, :expiresAt, :at, :at)
                        ON CONFLICT (tenant_id, domain_id) DO UPDATE
                        SET domain = EXCLUDED.domain, state = 'pending', verification_token = EXCLUDED.verification_token,
                            token_expires_at = EXCLUDED.token_expires_at, verified_at = NULL,
                            updated_at = EXCLUDED.updated_at""")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .param("domain", domain)
                .param("token", token)
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Pending with a new token: renewed, or a lost verification (which also records how many checks failed). */
    void pendingAgain(UUID tenantId, UUID domainId, String token, Instant expiresAt, Integer consecutiveFailures,
                      Instant at) {
        jdbc.sql("""
                        UPDATE tenant_domain
                           SET state = 'pending', verification_token = :token, token_expires_at = :expiresAt,
                               verified_at = NULL, consecutive_failures = COALESCE(:failures, consecutive_failures),
                               updated_at = :at
                         WHERE tenant_id = :tenantId AND domain_id = :domainId""")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .param("token", token)
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("failures", consecutiveFailures)
                .param("at", Timestamp.from(at))
                .update();
    }

    void verified(UUID tenantId, UUID domainId, DnsCheck check, Instant at) {
        jdbc.sql("""
                        UPDATE tenant_domain
                           SET state = 'verified', last_check = CAST(:check AS jsonb), last_checked_at = :at,
                               consecutive_failures = 0, verified_at = :at, updated_at = :at
                         WHERE tenant_id = :tenantId AND domain_id = :domainId""")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .param("check", json.writeValueAsString(check))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A failed check; the state stays as it was (a verified domain stays verified until it is lost). */
    void failed(UUID tenantId, UUID domainId, DnsCheck check, int consecutiveFailures, Instant at) {
        jdbc.sql("""
                        UPDATE tenant_domain
                           SET last_check = CAST(:check AS jsonb), last_checked_at = :at,
                               consecutive_failures = :failures, updated_at = :at
                         WHERE tenant_id = :tenantId AND domain_id = :domainId""")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .param("check", json.writeValueAsString(check))
                .param("failures", consecutiveFailures)
                .param("at", Timestamp.from(at))
                .update();
    }

    void remove(UUID tenantId, UUID domainId) {
        jdbc.sql("DELETE FROM tenant_domain WHERE tenant_id = :tenantId AND domain_id = :domainId")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .update();
    }

    /** This domain is the tenant's primary one, and no other of its domains is. */
    void primary(UUID tenantId, UUID domainId, Instant at) {
        jdbc.sql("""
                        UPDATE tenant_domain SET is_primary = (domain_id = :domainId), updated_at = :at
                         WHERE tenant_id = :tenantId AND (is_primary OR domain_id = :domainId)""")
                .param("tenantId", tenantId)
                .param("domainId", domainId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The tenant's primary domain was set directly (a tenant update): the custom domain of that name, if any, is the
     * primary one; none when the primary domain is gone.
     */
    void primaryNamed(UUID tenantId, String domain, Instant at) {
        jdbc.sql("""
                        UPDATE tenant_domain SET is_primary = (domain = lower(:domain)) IS TRUE, updated_at = :at
                         WHERE tenant_id = :tenantId AND is_primary <> ((domain = lower(:domain)) IS TRUE)""")
                .param("tenantId", tenantId)
                .param("domain", domain)
                .param("at", Timestamp.from(at))
                .update();
    }

    void releaseSlug(UUID tenantId, String slug, Instant at) {
        jdbc.sql("""
                        INSERT INTO tenant_released_slug (slug, tenant_id, released_at)
                        VALUES (lower(:slug), :tenantId, :at)
                        ON CONFLICT (slug) DO UPDATE SET tenant_id = EXCLUDED.tenant_id,
                                                         released_at = EXCLUDED.released_at""")
                .param("slug", slug)
                .param("tenantId", tenantId)
                .param("at", Timestamp.from(at))
                .update();
    }

    void removeTenant(UUID tenantId) {
        jdbc.sql("DELETE FROM tenant_domain WHERE tenant_id = :tenantId").param("tenantId", tenantId).update();
        jdbc.sql("DELETE FROM tenant_released_slug WHERE tenant_id = :tenantId").param("tenantId", tenantId).update();
    }
}
