package org.tenantregistry.query.projection;

import java.util.UUID;

/** A tenant's progress in one projection after a commit: the last applied sequence, or purged (every version). */
record Reached(UUID tenantId, long lastSequence, boolean purged) {

    boolean covers(VersionToken token) {
        return token.tenantId().equals(tenantId) && (purged || lastSequence + 1 >= token.version());
    }
}
