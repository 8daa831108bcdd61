package org.tenantregistry.command.tenant;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings object is free-form so that new features need no schema change, but it is bounded in size and the
 * keys the platform acts on are typed: a typo in {@code mfa_required} must not silently switch MFA off.
 */
final class SettingsRules {

    static final int MAX_BYTES = 16 * 1024;

    private static final Set<String> MFA_METHODS = Set.of("totp", "sms", "email", "webauthn");
    private static final Set<String> PASSWORD_POLICY_FLAGS =
            Set.of("require_uppercase", "require_lowercase", "require_digit", "require_symbol");
    private static final int MAX_SESSION_TIMEOUT_MINUTES = 7 * 24 * 60;

    /** Also the canonical form of the settings: one JSON round trip makes equal settings compare equal. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SettingsRules() {
    }

    /** The settings in canonical form; rule violations go to {@code errors} under {@code settings.<key>}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> check(Map<String, Object> settings, FieldErrors errors) {
        if (settings == null) {
            return Map.of();
        }
        if (!checkText("settings", settings, errors)) {
            return Map.of(); // not even serializable when it holds a lone surrogate
        }
        byte[] json = JSON.writeValueAsBytes(settings);
        if (json.length > MAX_BYTES) {
            errors.reject("settings", "must be at most " + MAX_BYTES + " bytes of JSON, is " + json.length);
            return Map.of();
        }
        Map<String, Object> canonical = JSON.readValue(json, LinkedHashMap.class);
        checkKnownKeys(canonical, errors);
        return canonical;
    }

    /** Keys as single lines, string values as free text, at any depth; false when any of them broke a rule. */
    private static boolean checkText(String path, Object value, FieldErrors errors) {
        boolean fine = true;
        if (value instanceof String text) {
            String problem = TextRules.problemWithText(text);
            if (problem != null) {
                errors.reject(path, problem);
                fine = false;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String problem = TextRules.problemWithLine(key);
                if (problem != null) {
                    errors.reject(path, "has a key that " + problem);
                    fine = false;
                } else {
                    fine &= checkText(path + "." + key, entry.getValue(), errors);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                fine &= checkText(path + "." + i, list.get(i), errors);
            }
        }
        return fine;
    }

    private static void checkKnownKeys(Map<String, Object> settings, FieldErrors errors) {
        if (settings.containsKey("mfa_required") && !(settings.get("mfa_required") instanceof Boolean)) {
            errors.reject("settings.mfa_required", "must be true or false");
        }
        if (settings.containsKey("mfa_methods")
                && !(settings.get("mfa_methods") instanceof List<?> methods
                && !methods.contains(null) && MFA_METHODS.containsAll(methods))) { // Set.of(...) throws on null
            errors.reject("settings.mfa_methods", "must be a list drawn from " + MFA_METHODS);
        }
        if (settings.containsKey("session_timeout")
                && !(settings.get("session_timeout") instanceof Integer minutes
                && minutes >= 1 && minutes <= MAX_SESSION_TIMEOUT_MINUTES)) {
            errors.reject("settings.session_timeout",
                    "must be a whole number of minutes from 1 to " + MAX_SESSION_TIMEOUT_MINUTES);
        }
        if (settings.containsKey("password_policy")) {
            checkPasswordPolicy(settings.get("password_policy"), errors);
        }
    }

    private static void checkPasswordPolicy(Object policy, FieldErrors errors) {
        if (!(policy instanceof Map<?, ?> rules)) {
            errors.reject("settings.password_policy", "must be an object");
            return;
        }
        Object minLength = rules.get("min_length");
        if (minLength != null && !(minLength instanceof Integer length && length >= 8 && length <= 128)) {
            errors.reject("settings.password_policy.min_length", "must be a whole number from 8 to 128");
        }
        for (String flag : PASSWORD_POLICY_FLAGS) {
            if (rules.containsKey(flag) && !(rules.get(flag) instanceof Boolean)) {
                errors.reject("settings.password_policy." + flag, "must be true or false");
            }
        }
    }
}
