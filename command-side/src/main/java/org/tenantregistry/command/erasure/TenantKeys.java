package org.tenantregistry.command.erasure;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventKey;

import java.util.Base64;
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
            return new TenantEventKey(tenantId, SealedFields.ALGORITHM,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(key.key()));
        });
    }
}
