package org.tenantregistry.query.statistics;

import org.springframework.stereotype.Component;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.TenantActivated;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantPartnerChanged;
import org.tenantregistry.events.TenantProfileChanged;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.projection.Change;
import org.tenantregistry.query.projection.Projection;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The MSP dashboard's numbers: totals by status, partner and country, extension quota and use, and tenants created per
 * day (UTC).
 */
@Component
public class MspStatisticsProjection implements Projection {

    public static final String NAME = "msp-statistics";

    private final MspFactsTable facts;
    private final MspCounters counters;

    MspStatisticsProjection(MspFactsTable facts, MspCounters counters) {
        this.facts = facts;
        this.counters = counters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("msp_tenant", "msp_total", "msp_created_per_day");
    }

    /** Folds each tenant's events in memory from its stored facts, then writes facts and counters once per batch. */
    @Override
    public void applyAll(List<Change> changes) {
        Map<UUID, MspFacts> before = facts.find(changes.stream().map(change -> change.envelope().tenantId())
                .distinct().toList());
        Map<UUID, Optional<MspFacts>> after = new LinkedHashMap<>();
        for (Change change : changes) {
            UUID tenantId = change.envelope().tenantId();
            Optional<MspFacts> current = after.containsKey(tenantId) ? after.get(tenantId)
                    : Optional.ofNullable(before.get(tenantId));
            after.put(tenantId, next(change.envelope(), current, change.event()));
        }
        Map<UUID, MspFacts> saved = new LinkedHashMap<>();
        List<UUID> deleted = new ArrayList<>();
        after.forEach((tenantId, now) -> {
            if (now.isPresent() && !now.get().equals(before.get(tenantId))) {
                saved.put(tenantId, now.get());
            } else if (now.isEmpty() && before.containsKey(tenantId)) {
                deleted.add(tenantId);
            }
        });
        facts.save(saved);
        facts.delete(deleted);
        counters.move(before, after);
    }

    private static Optional<MspFacts> next(TenantEventEnvelope envelope, Optional<MspFacts> before, TenantEvent event) {
        if (event instanceof TenantCreated created) {
            String country = created.profile() == null ? null : created.profile().countryCode();
            return Optional.of(new MspFacts(TenantStatus.ACTIVE.wireName(), MspFacts.keyOf(created.partnerId()),
                    MspFacts.keyOf(countryCode(country)), created.maxExtensions(), 0,
                    envelope.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate()));
        }
        if (event instanceof TenantPurged) {
            return Optional.empty();
        }
        return before.map(facts -> changed(facts, event));
    }

    private static MspFacts changed(MspFacts facts, TenantEvent event) {
        if (event instanceof TenantMaxExtensionsChanged quotaChanged) {
            return facts.withMaxExtensions(quotaChanged.newMaxExtensions());
        } else if (event instanceof ExtensionRegistered) {
            return facts.withExtensionsChangedBy(1);
        } else if (event instanceof ExtensionReleased) {
            return facts.withExtensionsChangedBy(-1);
        } else if (event instanceof TenantPartnerChanged partnerChanged) {
            return facts.withPartner(partnerChanged.newPartnerId());
        } else if (event instanceof TenantProfileChanged profileChanged) {
            return facts.withCountry(profileChanged.profile() == null ? null
                    : countryCode(profileChanged.profile().countryCode()));
        } else if (event instanceof TenantSuspended) {
            return facts.withStatus(TenantStatus.SUSPENDED.wireName());
        } else if (event instanceof TenantReactivated || event instanceof TenantActivated) {
            return facts.withStatus(TenantStatus.ACTIVE.wireName());
        } else if (event instanceof TenantDeactivated) {
            return facts.withStatus(TenantStatus.DEACTIVATED.wireName());
        } else if (event instanceof TenantDeleted) {
            return facts.withStatus(TenantStatus.DELETED.wireName());
        } else if (event instanceof TenantRestored restored) {
            return facts.withStatus(restored.status().wireName());
        }
        return facts;
    }

    private static String countryCode(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
