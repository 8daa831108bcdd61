package org.tenantregistry.command.erasure;

import java.time.Instant;
import java.util.UUID;

/** The tenant was purged and its key destroyed with it: its sealed fields open for no one, ever. */
public class EventKeyShreddedException extends RuntimeException {

    public EventKeyShreddedException(UUID tenantId, Instant at) {
        super("Tenant " + tenantId + " was purged at " + at + " and its key destroyed: its personal fields on the "
                + "topic are erased; treat them as null");
    }
}
