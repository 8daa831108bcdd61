package org.tenantregistry.benchmark;

/** The body of every benchmark create, for the registry and the CRUD baseline alike: a unique name, hence slug. */
final class TenantDrafts {

    private TenantDrafts() {
    }

    static String json(String prefix, long n) {
        return "{\"name\": \"" + prefix + " " + n + "\", \"partner_id\": \"partner-bench\"}";
    }
}
