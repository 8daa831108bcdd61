package org.tenantregistry.query.projection;

import java.util.UUID;

/**
 * "Show me at least this": a tenant's version as the command side answered it, i.e. the number of its events.
 *
 * @param version 1-based; version n is reached once the event with sequence n - 1 is applied
 */
public record VersionToken(UUID tenantId, long version) {

    public VersionToken {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }
}
