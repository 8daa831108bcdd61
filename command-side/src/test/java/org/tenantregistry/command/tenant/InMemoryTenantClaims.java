package org.tenantregistry.command.tenant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The claims table in memory, with the semantics of {@link TenantClaims}: a value held by another tenant or
 * quarantined after another tenant released it cannot be claimed; the tenant that holds or released a value may
 * claim it again. Quarantine never ends here, which is what the aggregate tests need.
 */
public final class InMemoryTenantClaims implements TenantClaims {

    private record Key(Kind kind, String value) {
    }

    private final Map<Key, UUID> held = new HashMap<>();
    private final Map<Key, UUID> quarantined = new HashMap<>();

    @Override
    public void claim(Kind kind, String value, UUID tenantId) {
        if (!isFreeFor(kind, value, tenantId)) {
            throw new IdentifierTakenException(kind.name().toLowerCase(), value);
        }
        Key key = new Key(kind, value);
        quarantined.remove(key);
        held.put(key, tenantId);
    }

    @Override
    public Optional<String> claimFirstFree(Kind kind, List<String> candidates, UUID tenantId) {
        Optional<String> free = candidates.stream().filter(value -> isFreeFor(kind, value, tenantId)).findFirst();
        free.ifPresent(value -> claim(kind, value, tenantId));
        return free;
    }

    @Override
    public void release(Kind kind, String value, UUID tenantId) {
        Key key = new Key(kind, value);
        if (tenantId.equals(held.get(key))) {
            held.remove(key);
            quarantined.put(key, tenantId);
        }
    }

    /** Test set-up: another tenant holds the value. */
    public InMemoryTenantClaims heldBy(Kind kind, String value, UUID tenantId) {
        held.put(new Key(kind, value), tenantId);
        return this;
    }

    /** Test set-up: the value was released by a tenant and is still quarantined. */
    public InMemoryTenantClaims quarantinedFor(Kind kind, String value, UUID formerHolder) {
        quarantined.put(new Key(kind, value), formerHolder);
        return this;
    }

    public Optional<UUID> holderOf(Kind kind, String value) {
        return Optional.ofNullable(held.get(new Key(kind, value)));
    }

    public boolean isQuarantined(Kind kind, String value) {
        return quarantined.containsKey(new Key(kind, value));
    }

    private boolean isFreeFor(Kind kind, String value, UUID tenantId) {
        Key key = new Key(kind, value);
        UUID holder = held.get(key);
        UUID formerHolder = quarantined.get(key);
        return (holder == null || holder.equals(tenantId)) && (formerHolder == null || formerHolder.equals(tenantId));
    }
}
