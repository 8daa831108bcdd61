package org.tenantregistry.command.erasure;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventKey;
import org.tenantregistry.events.TenantEventKeys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The keys as consumers get them: a tenant's key while it lives; its destruction, once it is gone. */
@Component
public class TenantKeys {

    private final EventKeys keys;

    TenantKeys(EventKeys keys) {
        this.keys = keys;
    }

    /**
     * Empty when the tenant never had a key: none of its published events holds a sealed field.
     *
     * @throws EventKeyShreddedException when the tenant was purged
     */
    public Optional<TenantEventKey> of(UUID tenantId) {
        return keys.find(tenantId).map(key -> {
            if (key.shredded()) {
                throw new EventKeyShreddedException(tenantId, key.shreddedAt());
            }
            return answer(tenantId, key);
        });
    }

    /** The keys of many tenants, each tenant named once in one of the answer's three lists, in the order asked. */
    public TenantEventKeys of(Collection<UUID> tenantIds) {
        Map<UUID, EventKey> found = keys.findAll(tenantIds);
        List<TenantEventKey> live = new ArrayList<>();
        List<UUID> shredded = new ArrayList<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID tenantId : new LinkedHashSet<>(tenantIds)) {
            EventKey key = found.get(tenantId);
            if (key == null) {
                unknown.add(tenantId);
            } else if (key.shredded()) {
                shredded.add(tenantId);
            } else {
                live.add(answer(tenantId, key));
            }
        }
        return new TenantEventKeys(live, shredded, unknown);
    }

    private static TenantEventKey answer(UUID tenantId, EventKey key) {
        return new TenantEventKey(tenantId, SealedFields.ALGORITHM,
                Base64.getUrlEncoder().withoutPadding().encodeToString(key.key()));
    }
}
