package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SettingsRulesTest {

    private static Map<String, String> errorsOf(Map<String, Object> settings) {
        FieldErrors errors = new FieldErrors();
        SettingsRules.check(settings, errors);
        InvalidTenantException thrown = catchThrowableOfType(InvalidTenantException.class, errors::throwIfAny);
        return thrown == null ? Map.of() : thrown.errors();
    }

    private static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    @Test
    void noSettingsAreAnEmptyObject() {
        assertThat(SettingsRules.check(null, new FieldErrors())).isEmpty();
    }

    @Test
    void theCanonicalFormMakesLongsAndIntsCompareEqual() {
        Map<String, Object> canonical = SettingsRules.check(settings("session_timeout", 30L), new FieldErrors());
        assertThat(canonical).isEqualTo(Map.of("session_timeout", 30));
    }

    @Test
    void theCanonicalFormKeepsNestedObjectsAndLists() {
        Map<String, Object> given = settings("ui", Map.of("theme", "dark"), "ids", List.of(1, 2, 3));
        assertThat(SettingsRules.check(given, new FieldErrors())).isEqualTo(given);
    }

    @Test
    void exactly16KibOfJsonIsAllowedAndOneByteMoreIsNot() {
        // {"n":"..."} is 8 bytes around the value
        assertThat(errorsOf(settings("n", "x".repeat(SettingsRules.MAX_BYTES - 8)))).isEmpty();
        assertThat(errorsOf(settings("n", "x".repeat(SettingsRules.MAX_BYTES - 7)))).containsOnlyKeys("settings");
    }

    @Test
    void theSizeIsCountedInUtf8Bytes() {
        // "ü" is two bytes: half as many characters already exceed the limit
        assertThat(errorsOf(settings("n", "ü".repeat(SettingsRules.MAX_BYTES / 2)))).containsOnlyKeys("settings");
    }

    @Test
    void tooLargeSettingsAreNotCheckedFurther() {
        assertThat(errorsOf(settings("mfa_required", "maybe", "n", "x".repeat(SettingsRules.MAX_BYTES))))
                .containsOnlyKeys("settings");
    }

    @Test
    void mfaRequiredMustBeTrueOrFalse() {
        assertThat(errorsOf(settings("mfa_required", true))).isEmpty();
        assertThat(errorsOf(settings("mfa_required", "true"))).containsOnlyKeys("settings.mfa_required");
        assertThat(errorsOf(settings("mfa_required", null))).containsOnlyKeys("settings.mfa_required");
    }

    @Test
    void mfaMethodsMayBeEmptyOrAnySubsetOfTheKnownFour() {
        assertThat(errorsOf(settings("mfa_methods", List.of()))).isEmpty();
        assertThat(errorsOf(settings("mfa_methods", List.of("webauthn", "totp")))).isEmpty();
    }

    @Test
    void mfaMethodsOutsideTheSetOrOfTheWrongShapeAreRefused() {
        assertThat(errorsOf(settings("mfa_methods", List.of("TOTP")))).containsOnlyKeys("settings.mfa_methods");
        assertThat(errorsOf(settings("mfa_methods", List.of(1)))).containsOnlyKeys("settings.mfa_methods");
        assertThat(errorsOf(settings("mfa_methods", Map.of("totp", true)))).containsOnlyKeys("settings.mfa_methods");
        assertThat(errorsOf(settings("mfa_methods", Arrays.asList("sms", null))))
                .containsOnlyKeys("settings.mfa_methods");
    }

    @Test
    void sessionTimeoutBoundsAreOneMinuteAndOneWeek() {
        assertThat(errorsOf(settings("session_timeout", 1))).isEmpty();
        assertThat(errorsOf(settings("session_timeout", 7 * 24 * 60))).isEmpty();
        assertThat(errorsOf(settings("session_timeout", 0))).containsOnlyKeys("settings.session_timeout");
        assertThat(errorsOf(settings("session_timeout", 7 * 24 * 60 + 1))).containsOnlyKeys("settings.session_timeout");
        assertThat(errorsOf(settings("session_timeout", 5_000_000_000L))).containsOnlyKeys("settings.session_timeout");
    }

    @Test
    void passwordPolicyMinLengthBoundsAre8And128() {
        assertThat(errorsOf(settings("password_policy", Map.of("min_length", 8)))).isEmpty();
        assertThat(errorsOf(settings("password_policy", Map.of("min_length", 128)))).isEmpty();
        assertThat(errorsOf(settings("password_policy", Map.of("min_length", 129))))
                .containsOnlyKeys("settings.password_policy.min_length");
        assertThat(errorsOf(settings("password_policy", Map.of("min_length", 12.0))))
                .containsOnlyKeys("settings.password_policy.min_length");
    }

    @Test
    void anEmptyPasswordPolicyAndUnknownPolicyKeysAreAllowed() {
        assertThat(errorsOf(settings("password_policy", Map.of()))).isEmpty();
        assertThat(errorsOf(settings("password_policy", Map.of("history", 5)))).isEmpty();
    }

    @Test
    void everyPasswordPolicyFlagMustBeABoolean() {
        assertThat(errorsOf(settings("password_policy", Map.of("require_uppercase", 1, "require_lowercase", "y",
                "require_digit", true, "require_symbol", List.of()))))
                .containsOnlyKeys("settings.password_policy.require_uppercase",
                        "settings.password_policy.require_lowercase", "settings.password_policy.require_symbol");
    }

    @Test
    void aPasswordPolicyThatIsNoObjectIsRefused() {
        assertThat(errorsOf(settings("password_policy", List.of(8)))).containsOnlyKeys("settings.password_policy");
    }

    @Test
    void theErrorMessagesSayWhatIsExpected() {
        assertThatThrownBy(() -> {
            FieldErrors errors = new FieldErrors();
            SettingsRules.check(settings("session_timeout", 0), errors);
            errors.throwIfAny();
        }).isInstanceOfSatisfying(InvalidTenantException.class, e -> assertThat(e.errors())
                .containsEntry("settings.session_timeout", "must be a whole number of minutes from 1 to 10080"));
    }

    @Test
    void stringValuesAreFreeTextAtAnyDepth() {
        assertThat(errorsOf(settings("motd", "Welcome\n\tto Acme\r\n"))).isEmpty();
        assertThat(errorsOf(settings("motd", "nul\u0000"))).containsOnlyKeys("settings.motd");
        assertThat(errorsOf(settings("ui", Map.of("title", "bell\u0007")))).containsOnlyKeys("settings.ui.title");
        assertThat(errorsOf(settings("tags", List.of("ok", "lone \ud800")))).containsOnlyKeys("settings.tags.1");
    }

    @Test
    void aKeyWithAControlCharacterOrALoneSurrogateIsNamedByItsParent() {
        assertThat(errorsOf(settings("k\u0000", 1)).get("settings")).startsWith("has a key that must be one line");
        assertThat(errorsOf(settings("ui", settings("a\nb", 1)))).containsOnlyKeys("settings.ui");
        assertThat(errorsOf(settings("k\udfff", 1)).get("settings")).contains("lone surrogate");
    }
}
