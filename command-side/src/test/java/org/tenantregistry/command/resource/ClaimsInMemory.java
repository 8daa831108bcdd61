package org.tenantregistry.command.resource;

import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.TenantClaims;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The claims table in memory for the resource tests: who holds which value, and what was released. */
final class ClaimsInMemory implements TenantClaims {

    private record Key(Kind kind, String value) {
    }

    private final Map<Key, UUID> held = new HashMap<>();

    @Override
    public void claim(Kind kind, String value, UUID tenantId) {
        UUID holder = held.putIfAbsent(new Key(kind, value), tenantId);
        if (holder != null && !holder.equals(tenantId)) {
            throw new IdentifierTakenException(kind.name().toLowerCase(Locale.ROOT), value);
        }
    }

    @Override
    public Optional<String> claimFirstFree(Kind kind, List<String> candidates, UUID tenantId) {
        return candidates.stream().filter(value -> !held.containsKey(new Key(kind, value))).findFirst()
                .map(value -> {
                    claim(kind, value, tenantId);
                    return value;
                });
    }

    @Override
    public void release(Kind kind, String value, UUID tenantId) {
        held.remove(new Key(kind, value), tenantId);
    }

    ClaimsInMemory heldBy(Kind kind, String value, UUID tenantId) {
        held.put(new Key(kind, value), tenantId);
        return this;
    }

    Optional<UUID> holderOf(Kind kind, String value) {
        return Optional.ofNullable(held.get(new Key(kind, value)));
    }
}
