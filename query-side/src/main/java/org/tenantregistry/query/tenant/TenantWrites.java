package org.tenantregistry.query.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's writes of the tenant table, folded per tenant: a tenant created and then changed in the same batch is one
 * INSERT, a tenant changed several times one UPDATE. What cannot be folded (a second creation, a change after a purge)
 * starts the tenant's next write, and writes go in rounds: every tenant's first write, then every second one, so each
 * tenant's writes keep their order while each round is a few statements for all tenants.
 */
final class TenantWrites {

    private final Map<UUID, List<Write>> byTenant = new LinkedHashMap<>();

    void insert(UUID tenantId, Map<String, Object> row) {
        writesOf(tenantId).add(new Write(Kind.INSERT, new LinkedHashMap<>(row)));
    }

    /** @param columns the changed columns with the new version and updated_at */
    void update(UUID tenantId, Map<String, Object> columns) {
        List<Write> writes = writesOf(tenantId);
        Write last = writes.isEmpty() ? null : writes.get(writes.size() - 1);
        if (last != null && last.kind() != Kind.DELETE) {
            last.columns().putAll(columns);
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>(columns);
        row.put("id", tenantId);
        writes.add(new Write(Kind.UPDATE, row));
    }

    void delete(UUID tenantId) {
        writesOf(tenantId).add(new Write(Kind.DELETE, Map.of("id", tenantId)));
    }

    /** Every tenant's writes of round 0, then of round 1, and so on. */
    void execute(TenantReadModel readModel) {
        for (int round = 0; ; round++) {
            List<Map<String, Object>> inserts = new ArrayList<>();
            List<Map<String, Object>> updates = new ArrayList<>();
            List<UUID> deletes = new ArrayList<>();
            for (List<Write> writes : byTenant.values()) {
                if (writes.size() > round) {
                    Write write = writes.get(round);
                    switch (write.kind()) {
                        case INSERT -> inserts.add(write.columns());
                        case UPDATE -> updates.add(write.columns());
                        case DELETE -> deletes.add((UUID) write.columns().get("id"));
                    }
                }
            }
            if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty()) {
                return;
            }
            readModel.delete(deletes);
            readModel.insert(inserts);
            readModel.update(updates);
        }
    }

    private List<Write> writesOf(UUID tenantId) {
        return byTenant.computeIfAbsent(tenantId, id -> new ArrayList<>());
    }

    private enum Kind { INSERT, UPDATE, DELETE }

    private record Write(Kind kind, Map<String, Object> columns) {
    }
}
