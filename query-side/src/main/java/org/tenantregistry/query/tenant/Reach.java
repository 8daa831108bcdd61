package org.tenantregistry.query.tenant;

import org.jspecify.annotations.Nullable;
import org.tenantregistry.support.security.Caller;

import java.util.UUID;

/**
 * Which tenants a caller may see at all, as a condition every tenant query adds to its SQL: an MSP admin's only its
 * partner's, a client admin's only its own, the registry's admin every one. A tenant out of reach does not exist for
 * the caller: it is in no list or count, and a lookup of it is empty, as for an unknown id.
 *
 * @param partnerId only this partner's tenants, when set
 * @param tenantId  only this tenant, when set
 */
public record Reach(@Nullable String partnerId, @Nullable UUID tenantId) {

    /** Every tenant: the registry's admin, service accounts without a partner, and the projections' own reads. */
    public static final Reach EVERY_TENANT = new Reach(null, null);

    public static Reach of(Caller caller) {
        return new Reach(caller.partnerId(), caller.tenantId());
    }

    /** Whether some tenants are out of reach. */
    public boolean isLimited() {
        return partnerId != null || tenantId != null;
    }
}
