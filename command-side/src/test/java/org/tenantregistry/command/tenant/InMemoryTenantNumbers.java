package org.tenantregistry.command.tenant;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The numbers table in memory: numbers from 1 up, in the order of the creates. */
final class InMemoryTenantNumbers implements TenantNumbers {

    private final Map<Integer, UUID> given = new HashMap<>();

    @Override
    public int allocate(UUID tenantId) {
        int number = given.size() + 1;
        given.put(number, tenantId);
        return number;
    }

    @Override
    public Optional<UUID> tenantOf(int number) {
        return Optional.ofNullable(given.get(number));
    }
}
