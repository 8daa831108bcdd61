package org.tenantregistry.command.me;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.support.security.Caller;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant each caller currently works in (table {@code current_tenant}), keyed by its token's subject and client.
 * One upsert per change: a repeated or concurrent switch leaves the last one, never a conflict.
 */
@Component
public class CurrentTenants {

    private final JdbcClient jdbc;
    private final Clock clock;

    CurrentTenants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Makes the tenant the caller's current one, whatever it was before.
     *
     * @throws UnstorableCallerException for a subject or client id that PostgreSQL cannot hold
     */
    public void moveTo(Caller caller, UUID tenantId) {
        if (!storable(caller)) {
            throw new UnstorableCallerException();
        }
        jdbc.sql("""
                        INSERT INTO current_tenant (subject, client_id, tenant_id, switched_at)
                        VALUES (:subject, :clientId, :tenantId, :now)
                        ON CONFLICT (subject, client_id)
                        DO UPDATE SET tenant_id = EXCLUDED.tenant_id, switched_at = EXCLUDED.switched_at""")
                .param("subject", caller.subject())
                .param("clientId", clientOf(caller))
                .param("tenantId", tenantId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The caller's current tenant: the last it switched to or created, else the tenant its token is bound to. */
    public Optional<UUID> of(Caller caller) {
        if (!storable(caller)) {
            return Optional.ofNullable(caller.tenantId());
        }
        Optional<UUID> chosen = jdbc.sql("""
                        SELECT tenant_id FROM current_tenant WHERE subject = :subject AND client_id = :clientId""")
                .param("subject", caller.subject())
                .param("clientId", clientOf(caller))
                .query(UUID.class)
                .optional();
        return chosen.or(() -> Optional.ofNullable(caller.tenantId()));
    }

    /** PostgreSQL text holds any character but U+0000. */
    private static boolean storable(Caller caller) {
        return caller.subject().indexOf('\0') < 0 && clientOf(caller).indexOf('\0') < 0;
    }

    private static String clientOf(Caller caller) {
        return caller.clientId() == null ? "" : caller.clientId();
    }
}
