package org.tenantregistry.query.tenant;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantActivated;
import org.tenantregistry.events.TenantBrandingChanged;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantPartnerChanged;
import org.tenantregistry.events.TenantProfileChanged;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantSettingsChanged;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.events.TenantTimezoneChanged;
import org.tenantregistry.query.projection.Change;
import org.tenantregistry.query.projection.Projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The tenant read model behind {@code /api/tenants}, and its counters by status x partner x country. */
@Component
public class TenantProjection implements Projection {

    public static final String NAME = "tenants";

    private final TenantReadModel readModel;
    private final TenantCounter counter;

    TenantProjection(TenantReadModel readModel, TenantCounter counter) {
        this.readModel = readModel;
        this.counter = counter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("tenant", "tenant_count");
    }

    /** Reads the tenants' counter cells before and after, writes their rows in a few statements, moves the counts. */
    @Override
    public void applyAll(List<Change> changes) {
        List<UUID> tenantIds = changes.stream().map(change -> change.envelope().tenantId()).distinct().toList();
        Map<UUID, TenantFacets> before = readModel.facets(tenantIds);
        TenantWrites writes = new TenantWrites();
        for (Change change : changes) {
            TenantEventEnvelope envelope = change.envelope();
            if (change.event() instanceof TenantCreated created) {
                writes.insert(envelope.tenantId(), readModel.row(envelope, created));
            } else if (change.event() instanceof TenantPurged) {
                writes.delete(envelope.tenantId());
            } else {
                Map<String, Object> columns = changes(envelope, change.event());
                columns.put("version", envelope.sequence() + 1);
                columns.put("updated_at", envelope.occurredAt());
                writes.update(envelope.tenantId(), columns);
            }
        }
        writes.execute(readModel);
        counter.move(before, readModel.facets(tenantIds));
    }

    private Map<String, Object> changes(TenantEventEnvelope envelope, TenantEvent event) {
        Columns columns = new Columns();
        if (event instanceof TenantRenamed renamed) {
            columns.set("name", renamed.newName());
        } else if (event instanceof TenantSlugChanged slugChanged) {
            columns.set("slug", slugChanged.newSlug());
        } else if (event instanceof TenantDomainChanged domainChanged) {
            columns.set("domain", domainChanged.newDomain());
        } else if (event instanceof PrimaryDomainChanged primaryChanged) {
            // A verified custom domain became the primary one: the tenant's domain field, as a direct change sets it.
            columns.set("domain", primaryChanged.newDomain());
        } else if (event instanceof TenantTimezoneChanged timezoneChanged) {
            columns.set("timezone", timezoneChanged.newTimezone());
        } else if (event instanceof TenantMaxExtensionsChanged quotaChanged) {
            columns.set("max_extensions", quotaChanged.newMaxExtensions());
        } else if (event instanceof TenantSettingsChanged settingsChanged) {
            columns.set("settings", readModel.jsonb(settingsChanged.settings()));
        } else if (event instanceof TenantBrandingChanged brandingChanged) {
            Branding branding = Objects.requireNonNullElse(brandingChanged.branding(), Branding.NONE);
            columns.set("logo_url", branding.logoUrl())
                    .set("accent_color", branding.accentColor())
                    .set("currency", branding.currency());
        } else if (event instanceof TenantProfileChanged profileChanged) {
            Profile profile = Objects.requireNonNullElse(profileChanged.profile(), Profile.NONE);
            columns.set("description", profile.description())
                    .set("address", profile.address())
                    .set("city", profile.city())
                    .set("post_code", profile.postCode())
                    .set("country_code", TenantReadModel.countryCode(profile.countryCode()));
        } else if (event instanceof TenantPartnerChanged partnerChanged) {
            columns.set("partner_id", partnerChanged.newPartnerId());
        } else if (event instanceof TenantSuspended suspended) {
            columns.status(TenantStatus.SUSPENDED).set("suspension_reason", suspended.reason());
        } else if (event instanceof TenantReactivated) {
            columns.status(TenantStatus.ACTIVE).set("suspension_reason", null);
        } else if (event instanceof TenantDeactivated) {
            columns.status(TenantStatus.DEACTIVATED);
        } else if (event instanceof TenantActivated) {
            columns.status(TenantStatus.ACTIVE);
        } else if (event instanceof TenantDeleted) {
            // The suspension reason stays: a restore may bring the suspension back.
            columns.status(TenantStatus.DELETED).set("deleted_at", envelope.occurredAt());
        } else if (event instanceof TenantRestored restored) {
            columns.status(restored.status()).set("deleted_at", null);
            if (restored.status() != TenantStatus.SUSPENDED) {
                columns.set("suspension_reason", null);
            }
        }
        return columns.values;
    }

    /** Column name to new value; values may be null, which {@code Map.of} does not allow. */
    private static final class Columns {

        private final Map<String, Object> values = new LinkedHashMap<>();

        Columns set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        Columns status(TenantStatus status) {
            return set("status", status.wireName());
        }
    }
}
