package org.tenantregistry.command.audit;

import org.junit.jupiter.api.Test;
import org.tenantregistry.command.audit.RepresentationDiff.Change;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RepresentationDiffTest {

    private static Map<String, Object> tenant(Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields;
    }

    @Test
    void aChangedFieldIsNamedWithItsValueBeforeAndAfter() {
        Map<String, Change> changes = RepresentationDiff.between(tenant("name", "Acme", "max_extensions", 50),
                tenant("name", "Acme", "max_extensions", 100), Set.of());

        assertThat(changes).containsExactly(Map.entry("max_extensions", new Change(50, 100)));
    }

    @Test
    void equalRepresentationsChangeNothing() {
        assertThat(RepresentationDiff.between(tenant("name", "Acme", "domain", null),
                tenant("name", "Acme", "domain", null), Set.of())).isEmpty();
    }

    @Test
    void everyFieldOfATenantJustCreatedChangesFromNullButThoseWithoutAValue() {
        Map<String, Change> changes = RepresentationDiff.between(null,
                tenant("name", "Acme", "domain", null, "max_extensions", 100), Set.of());

        assertThat(changes).containsExactly(Map.entry("name", new Change(null, "Acme")),
                Map.entry("max_extensions", new Change(null, 100)));
    }

    @Test
    void aFieldThatLosesItsValueChangesToNull() {
        Map<String, Change> changes = RepresentationDiff.between(tenant("description", "Regional carrier"),
                tenant("description", null), Set.of());

        assertThat(changes).containsExactly(Map.entry("description", new Change("Regional carrier", null)));
    }

    @Test
    void aFieldOnlyTheOldRepresentationHadIsNamedToo() {
        Map<String, Change> changes = RepresentationDiff.between(tenant("name", "Acme", "legacy", "x"),
                tenant("name", "Acme"), Set.of());

        assertThat(changes).containsExactly(Map.entry("legacy", new Change("x", null)));
    }

    @Test
    void nestedObjectsAndListsAreComparedAsWholeValues() {
        Map<String, Object> settingsBefore = new HashMap<>(Map.of("mfa_required", false, "mfa_methods", List.of("totp")));
        Map<String, Object> settingsAfter = new HashMap<>(Map.of("mfa_required", true, "mfa_methods", List.of("totp")));
        List<Map<String, Object>> domains = List.of(Map.of("domain", "assets.acme.com", "verified", false));
        List<Map<String, Object>> verified = List.of(Map.of("domain", "assets.acme.com", "verified", true));

        Map<String, Change> changes = RepresentationDiff.between(
                tenant("settings", settingsBefore, "domains", domains),
                tenant("settings", settingsAfter, "domains", verified), Set.of());

        assertThat(changes).containsExactly(Map.entry("settings", new Change(settingsBefore, settingsAfter)),
                Map.entry("domains", new Change(domains, verified)));
    }

    @Test
    void equalNestedValuesInOtherInstancesAreNoChange() {
        assertThat(RepresentationDiff.between(tenant("settings", new HashMap<>(Map.of("a", List.of(1, 2)))),
                tenant("settings", new LinkedHashMap<>(Map.of("a", List.of(1, 2)))), Set.of())).isEmpty();
    }

    @Test
    void ignoredFieldsAreLeftOutEvenWhenTheyDiffer() {
        Map<String, Change> changes = RepresentationDiff.between(
                tenant("name", "Acme", "version", 3, "updated_at", "2026-12-04T09:00:00Z"),
                tenant("name", "Acme Telecom", "version", 4, "updated_at", "2026-12-04T09:30:00Z"),
                Set.of("version", "updated_at"));

        assertThat(changes).containsOnlyKeys("name");
    }

    @Test
    void theChangesFollowTheOrderOfTheNewRepresentation() {
        Map<String, Change> changes = RepresentationDiff.between(tenant("a", 1, "b", 1, "c", 1),
                tenant("c", 2, "b", 2, "a", 2), Set.of());

        assertThat(changes.keySet()).containsExactly("c", "b", "a");
    }
}
