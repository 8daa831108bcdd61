package org.tenantregistry.command.erasure;

import java.time.Instant;

/**
 * What the registry holds of a tenant's key: the key while the tenant exists, or the moment it was destroyed.
 *
 * @param key        the 32 bytes; null once shredded
 * @param shreddedAt null while the key lives
 */
public record EventKey(byte[] key, Instant shreddedAt) {

    public boolean shredded() {
        return key == null;
    }
}
