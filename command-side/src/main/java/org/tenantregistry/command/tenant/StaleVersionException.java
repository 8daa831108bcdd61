package org.tenantregistry.command.tenant;

/** The client changed a version of the tenant that is no longer the current one (a failed {@code If-Match}). */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(long expectedVersion, long currentVersion) {
        super("the tenant is at version " + currentVersion + ", not " + expectedVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
