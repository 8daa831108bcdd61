package org.tenantregistry.command.erasure.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.erasure.EventKey;
import org.tenantregistry.command.erasure.EventKeys;
import org.tenantregistry.events.SealedFields;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The keys in {@code tenant_event_key}; a key is made with {@link SecureRandom} and never leaves this table but to the key endpoint. */
@Component
class JdbcEventKeys implements EventKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcEventKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> keyToSeal(UUID tenantId) {
        byte[] fresh = new byte[SealedFields.KEY_BYTES];
        RANDOM.nextBytes(fresh);
        // Racing publishers (or a purge) meet at the primary key: the first row wins and everyone reads it back.
        jdbc.sql("""
                        INSERT INTO tenant_event_key (tenant_id, sealing_key, created_at) VALUES (:tenantId, :key, :now)
                        ON CONFLICT (tenant_id) DO NOTHING""")
                .param("tenantId", tenantId)
                .param("key", fresh)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return find(tenantId).filter(key -> !key.shredded()).map(EventKey::key);
    }

    @Override
    public Optional<EventKey> find(UUID tenantId) {
        return jdbc.sql("SELECT sealing_key, shredded_at FROM tenant_event_key WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId)
                .query((rs, row) -> new EventKey(rs.getBytes(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    @Override
    public Map<UUID, EventKey> findAll(Collection<UUID> tenantIds) {
        Map<UUID, EventKey> found = new HashMap<>();
        jdbc.sql("SELECT tenant_id, sealing_key, shredded_at FROM tenant_event_key WHERE tenant_id = ANY(:tenantIds)")
                .param("tenantIds", tenantIds.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class), new EventKey(rs.getBytes(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()));
                });
        return found;
    }

    @Override
    public void shred(UUID tenantId, Instant at) {
        jdbc.sql("""
                        INSERT INTO tenant_event_key (tenant_id, sealing_key, created_at, shredded_at)
                        VALUES (:tenantId, NULL, :at, :at)
                        ON CONFLICT (tenant_id) DO UPDATE SET sealing_key = NULL,
                            shredded_at = coalesce(tenant_event_key.shredded_at, excluded.shredded_at)""")
                .param("tenantId", tenantId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
