package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.UUID;

/**
 * The reach of an MSP admin, whose token names its partner: it creates tenants under that partner only, sees no
 * other partner's tenant (404, exactly as for an id no tenant has, so nothing tells that one exists), and cannot hand
 * a tenant over to another partner.
 */
final class PartnerBoundary {

    private PartnerBoundary() {
    }

    /** The draft of a create by a caller of this partner (null: any partner): the caller's partner by default. */
    static TenantDraft forCreate(TenantDraft draft, String callerPartner) {
        if (callerPartner == null) {
            return draft;
        }
        if (draft.partnerId() == null || draft.partnerId().isBlank()) {
            return draft.withPartnerId(callerPartner);
        }
        if (!callerPartner.equals(draft.partnerId().strip())) {
            throw InvalidTenantException.of("partner_id", "must be your own partner, " + callerPartner);
        }
        return draft;
    }

    static void requireVisible(String callerPartner, UUID tenantId, String tenantPartner) {
        if (!callerPartner.equals(tenantPartner)) {
            throw new AggregateNotFoundException(tenantId.toString(), "no tenant " + tenantId + " for this caller");
        }
    }

    static void requireKept(String callerPartner, String tenantPartner) {
        if (!callerPartner.equals(tenantPartner)) {
            throw InvalidTenantException.of("partner_id", "must stay your own partner, " + callerPartner);
        }
    }
}
