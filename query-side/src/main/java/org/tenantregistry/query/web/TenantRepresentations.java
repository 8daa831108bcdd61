package org.tenantregistry.query.web;

import org.tenantregistry.query.domain.CustomDomain;
import org.tenantregistry.query.resource.ResourceCounts;
import org.tenantregistry.query.resource.TenantResource;
import org.tenantregistry.query.tenant.TenantView;
import org.tenantregistry.support.web.TenantRepresentation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read model's tenant, with the resource ledger's counts (and the custom domains of a single tenant), in the one flat representation both sides answer. */
final class TenantRepresentations {

    private TenantRepresentations() {
    }

    /** As a list shows it: the counts, no relations. */
    static TenantRepresentation listed(TenantView tenant, ResourceCounts counts) {
        return of(tenant, counts, TenantRepresentation.Relations.OMITTED);
    }

    /** As a single tenant's read shows it: seed 000's relations too. */
    static TenantRepresentation shown(TenantView tenant, ResourceCounts counts,
                                      Map<String, List<TenantResource>> resources, List<CustomDomain> domains,
                                      Instant now) {
        return of(tenant, counts, new TenantRepresentation.Relations(entries(resources, "extensions"),
                entries(resources, "dids"), entries(resources, "queues"), entries(resources, "rates"),
                domains.stream().map(domain -> compact(domain, now)).toList()));
    }

    /** A custom domain in short: the list endpoint has the records, the next step and the last check too. */
    private static Map<String, Object> compact(CustomDomain domain, Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", domain.id());
        entry.put("domain", domain.domain());
        entry.put("status", domain.state(now).wireName());
        entry.put("is_primary", domain.primary());
        return entry;
    }

    private static List<Map<String, Object>> entries(Map<String, List<TenantResource>> resources, String kind) {
        return resources.getOrDefault(kind, List.of()).stream().map(ResourceListResponse::entry).toList();
    }

    private static TenantRepresentation of(TenantView tenant, ResourceCounts counts,
                                           TenantRepresentation.Relations relations) {
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
