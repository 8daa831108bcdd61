package org.tenantregistry.command.domain.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tenantregistry.command.domain.DomainRechecks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The re-check schedule in table {@code domain_recheck}. */
@Component
class JdbcDomainRechecks implements DomainRechecks {

    private static final String TAKE_DUE = """
            UPDATE domain_recheck SET due_at = :retryAt
            WHERE domain_id IN (SELECT domain_id FROM domain_recheck WHERE due_at <= :now
                                ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING tenant_id, domain_id
            """;

    private final JdbcClient jdbc;

    JdbcDomainRechecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void scheduleAt(UUID tenantId, UUID domainId, Instant at) {
        jdbc.sql("""
                        INSERT INTO domain_recheck (domain_id, tenant_id, due_at) VALUES (:domainId, :tenantId, :at)
                        ON CONFLICT (domain_id) DO UPDATE SET due_at = EXCLUDED.due_at""")
                .param("domainId", domainId)
                .param("tenantId", tenantId)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public void cancel(UUID domainId) {
        jdbc.sql("DELETE FROM domain_recheck WHERE domain_id = :domainId").param("domainId", domainId).update();
    }

    @Override
    public void cancelAllOf(UUID tenantId) {
        jdbc.sql("DELETE FROM domain_recheck WHERE tenant_id = :tenantId").param("tenantId", tenantId).update();
    }

    @Override
    @Transactional
    public List<Due> takeDue(Instant now, int limit, Instant retryAt) {
        return jdbc.sql(TAKE_DUE)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("retryAt", Timestamp.from(retryAt))
                .query((rs, row) -> new Due(rs.getObject("tenant_id", UUID.class), rs.getObject("domain_id", UUID.class)))
                .list();
    }
}
