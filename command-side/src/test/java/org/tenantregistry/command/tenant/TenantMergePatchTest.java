package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;
import org.tenantregistry.events.TenantStatus;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A client reads these messages: they speak of the API's fields and JSON types, never of Java classes. */
class TenantMergePatchTest {

    private static final TenantDraft ACME =
            new TenantDraft("Acme", "acme", null, "UTC", 100, Map.of(), null, null, null, null, null, null);

    @Test
    void aWrongTypeIsExplainedInTheApisWords() {
        assertThat(errorsOf(Map.of("max_extensions", "many")))
                .containsExactly(Map.entry("max_extensions", "must be an integer"));
        assertThat(errorsOf(Map.of("settings", "red")))
                .containsExactly(Map.entry("settings", "must be a JSON object"));
    }

    @Test
    void anUnknownStatusNamesTheKnownOnes() {
        assertThat(errorsOf(Map.of("status", "archived")).get("status"))
                .contains("active, suspended, deactivated, deleted");
    }

    @Test
    void anUnknownFieldIsNamedAsSuch() {
        assertThat(errorsOf(Map.of("colour", "red")))
                .containsExactly(Map.entry("colour", "is unknown"));
    }

    @Test
    void aValueIsTakenAsWrittenNeverCoerced() {
        assertThat(errorsOf(Map.of("max_extensions", "50")))
                .containsExactly(Map.entry("max_extensions", "must be an integer"));
        assertThat(errorsOf(Map.of("max_extensions", "")))
                .containsExactly(Map.entry("max_extensions", "must be an integer"));
        assertThat(errorsOf(Map.of("name", 42))).containsExactly(Map.entry("name", "must be a string"));
        assertThat(errorsOf(Map.of("city", true))).containsExactly(Map.entry("city", "must be a string"));
        assertThat(errorsOf(Map.of("user_status", "2"))).containsOnlyKeys("user_status");
    }

    @Test
    void everyFaultIsReportedAtOnceTheUnknownTheMistypedAndTheBrokenRules() {
        assertThat(errorsOf(Map.of("colour", "red", "city", 7, "name", "", "country_code", "USA")))
                .containsOnlyKeys("colour", "city", "name", "country_code");
    }

    @Test
    void anEmptyArrayOfSettingsIsAnEmptyObjectAsPhpWritesOne() {
        assertThat(TenantMergePatch.apply(ACME, Map.of("settings", List.of())).settings()).isEmpty();
    }

    @Test
    void activeFalseWithoutAStatusDeactivatesWhateverTheCurrentStatus() {
        assertThat(TenantMergePatch.apply(ACME, Map.of("active", false)).status())
                .isEqualTo(TenantStatus.DEACTIVATED);
    }

    @Test
    void activeThatContradictsTheStatusIsRefused() {
        assertThat(errorsOf(Map.of("active", true, "status", "suspended"))).containsOnlyKeys("active");
    }

    @Test
    void fieldsOfTheReadRepresentationAClientEchoesBackAreIgnored() {
        assertThat(TenantMergePatch.apply(ACME, Map.of("id", "x", "number", 7, "extensions_count", 3,
                "is_trashed", false, "name", "Acme Two")).name()).isEqualTo("Acme Two");
    }

    @Test
    void aPatchedTextIsCheckedLikeAWrittenOne() {
        InvalidTenantException refused = catchThrowableOfType(InvalidTenantException.class,
                () -> TenantDraftValidator.validate(TenantMergePatch.apply(ACME, Map.of("name", "x\u0000"))));
        assertThat(refused.errors()).containsOnlyKeys("name");
    }

    private static Map<String, String> errorsOf(Map<String, Object> patch) {
        return catchThrowableOfType(InvalidTenantException.class, () -> TenantMergePatch.apply(ACME, patch)).errors();
    }
}
