package org.tenantregistry.support.security;

import java.util.List;

/**
 * The registry's OAuth2 scopes, as tokens carry them in their {@code scope} claim. Seed 003's permissions are
 * accepted beside them: {@code tenants.manage} is read and write, {@code settings.manage} a client admin's own
 * tenant's settings.
 */
public final class Scopes {

    public static final String TENANTS_READ = "tenants:read";
    /** Create, update, lifecycle changes and resources. */
    public static final String TENANTS_WRITE = "tenants:write";
    public static final String TENANTS_PURGE = "tenants:purge";
    public static final String AUDIT_READ = "audit:read";
    /** Operator endpoints and metrics. */
    public static final String REGISTRY_ADMIN = "registry:admin";

    public static final String TENANTS_MANAGE = "tenants.manage";
    public static final String SETTINGS_MANAGE = "settings.manage";

    /** What the registry's own admin and service account hold. */
    public static final List<String> ALL = List.of(TENANTS_READ, TENANTS_WRITE, TENANTS_PURGE, AUDIT_READ,
            REGISTRY_ADMIN);

    private Scopes() {
    }
}
