package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A client admin's change of its own tenant's settings and branding (seed 003's {@code PUT /api/settings}): a merge
 * patch like {@link PatchTenant}, limited to {@link #FIELDS}; the rest (slug, domain, quota, partner, lifecycle) is
 * the MSP's to change.
 */
public record ChangeSettings(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion,
                             Map<String, Object> patch) {

    static final Set<String> FIELDS = Set.of("name", "currency", "accent_color", "logo_url", "timezone",
            "settings");

    /** The members of the patch that are no setting, each with why it is refused. */
    Map<String, String> refusedFields() {
        Map<String, String> refused = new LinkedHashMap<>();
        patch.keySet().stream().filter(field -> !FIELDS.contains(field)).forEach(field -> refused.put(field,
                "cannot be changed here: only name, currency, accent_color, logo_url, timezone and settings can"));
        return refused;
    }

    /** The members of the patch that are settings. */
    Map<String, Object> settingsPart() {
        Map<String, Object> part = new LinkedHashMap<>(patch);
        part.keySet().retainAll(FIELDS);
        return part;
    }
}
