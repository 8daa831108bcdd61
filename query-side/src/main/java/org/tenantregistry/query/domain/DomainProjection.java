package org.tenantregistry.query.domain;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.CustomDomainRemoved;
import org.tenantregistry.events.CustomDomainTokenRenewed;
import org.tenantregistry.events.CustomDomainVerificationFailed;
import org.tenantregistry.events.CustomDomainVerificationLost;
import org.tenantregistry.events.CustomDomainVerified;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.query.projection.Change;
import org.tenantregistry.query.projection.Projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tenants' custom domains behind {@code GET /api/tenants/{id}/domains}, and the released slugs the public branding
 * redirects from. The runner applies each event once, in each tenant's order; events about anything else only advance
 * the tracking. The tenant's name, slug, primary domain and branding stay in the tenant projection, which the reads
 * join.
 */
@Component
public class DomainProjection implements Projection {

    public static final String NAME = "domains";

    private final DomainTables tables;

    DomainProjection(DomainTables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("tenant_domain", "tenant_released_slug");
    }

    @Override
    public void applyAll(List<Change> changes) {
        for (Change change : changes) {
            applyOne(change.envelope(), change.event());
        }
    }

    private void applyOne(TenantEventEnvelope envelope, TenantEvent event) {
        UUID tenantId = envelope.tenantId();
        Instant at = envelope.occurredAt();
        if (event instanceof CustomDomainAdded e) {
            tables.add(tenantId, e.domainId(), e.domain(), e.verificationToken(), e.tokenExpiresAt(), at);
        } else if (event instanceof CustomDomainTokenRenewed e) {
            tables.pendingAgain(tenantId, e.domainId(), e.verificationToken(), e.tokenExpiresAt(), null, at);
        } else if (event instanceof CustomDomainVerified e) {
            tables.verified(tenantId, e.domainId(), e.check(), at);
        } else if (event instanceof CustomDomainVerificationFailed e) {
            tables.failed(tenantId, e.domainId(), e.check(), e.consecutiveFailures(), at);
        } else if (event instanceof CustomDomainVerificationLost e) {
            tables.pendingAgain(tenantId, e.domainId(), e.verificationToken(), e.tokenExpiresAt(),
                    e.consecutiveFailures(), at);
        } else if (event instanceof CustomDomainRemoved e) {
            tables.remove(tenantId, e.domainId());
        } else if (event instanceof PrimaryDomainChanged e) {
            tables.primary(tenantId, e.domainId(), at);
        } else if (event instanceof TenantDomainChanged e) {
            tables.primaryNamed(tenantId, e.newDomain(), at);
        } else if (event instanceof TenantSlugChanged e && e.oldSlug() != null) {
            tables.releaseSlug(tenantId, e.oldSlug(), at);
        } else if (event instanceof TenantPurged) {
            tables.removeTenant(tenantId);
        }
    }
}
