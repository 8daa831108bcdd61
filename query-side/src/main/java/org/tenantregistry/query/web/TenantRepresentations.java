package org.tenantregistry.query.web;

import org.tenantregistry.query.tenant.TenantView;
import org.tenantregistry.support.web.TenantRepresentation;

/** The read model's tenant in the one flat representation both sides answer. */
final class TenantRepresentations {

    private TenantRepresentations() {
    }

    /** As a list shows it: the counts, no relations. */
    static TenantRepresentation listed(TenantView tenant) {
        return of(tenant, TenantRepresentation.Relations.OMITTED);
    }

    static TenantRepresentation of(TenantView tenant, TenantRepresentation.Relations relations) {
        TenantView.Counts counts = tenant.counts();
        return TenantRepresentation.of(new TenantRepresentation.Fields(tenant.id(), tenant.number(), tenant.name(),
                        tenant.slug(), tenant.domain(), tenant.status(), tenant.suspensionReason(), tenant.timezone(),
                        tenant.maxExtensions(), tenant.settings(), tenant.branding(), tenant.profile(),
                        tenant.partnerId(), tenant.createdAt(), tenant.updatedAt(), tenant.deletedAt(),
                        tenant.version()),
                new TenantRepresentation.Counts(counts.extensions(), counts.dids(), counts.queues(), counts.rates(),
                        counts.users()),
                relations);
    }
}
