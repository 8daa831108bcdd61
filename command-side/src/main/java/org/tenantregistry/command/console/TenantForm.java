package org.tenantregistry.command.console;

import org.tenantregistry.command.tenant.TenantDetails;
import org.tenantregistry.command.tenant.TenantState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tenant form's fields, in the API's names (so that the API's field errors land beside the right field), and how
 * a submitted form becomes the API's JSON document. The rules of what is valid are the API's own: the form passes on
 * what was typed, and shows what the command refused.
 */
final class TenantForm {

    /** One input: its name in the API, its label, its input type, and a hint. */
    record Field(String name, String label, String type, String hint) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("name", "Name", "text", null),
            new Field("slug", "Slug", "text", "lower-case letters, digits and dashes; derived from the name when left empty"),
            new Field("domain", "Domain", "text", "the tenant's primary domain, e.g. acme.example.com"),
            new Field("timezone", "Timezone", "text", "IANA name, e.g. Europe/Berlin; UTC when left empty"),
            new Field("max_extensions", "Max. extensions", "number", "the quota; 100 when left empty"),
            new Field("country_code", "Country", "text", "ISO 3166-1 alpha-2, e.g. DE"),
            new Field("partner_id", "Partner", "text", null),
            new Field("currency", "Currency", "text", "ISO 4217, e.g. EUR"),
            new Field("accent_color", "Accent colour", "text", "#RRGGBB"),
            new Field("description", "Description", "text", null));

    /** An edit changes the slug through its own form (a slug change quarantines the old one). */
    static final List<Field> EDIT_FIELDS = FIELDS.stream().filter(field -> !field.name().equals("slug")).toList();

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    private TenantForm() {
    }

    /** What the form sent, of its own fields only. */
    static Map<String, String> values(Map<String, String> form, List<Field> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), form.getOrDefault(field.name(), "")));
        return values;
    }

    /** A create's document: the fields filled in; those left empty take the API's defaults. */
    static Map<String, Object> document(Map<String, String> values) {
        Map<String, Object> document = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                document.put(name, typed(name, value.strip()));
            }
        });
        return document;
    }

    /** An edit's merge patch: every field of the form, an emptied one removed (null), as the API's PATCH takes it. */
    static Map<String, Object> patch(Map<String, String> values) {
        Map<String, Object> patch = new LinkedHashMap<>();
        values.forEach((name, value) -> patch.put(name, value == null || value.isBlank() ? null : typed(name, value.strip())));
        return patch;
    }

    /** The tenant's current values, as the edit form shows them. */
    static Map<String, String> of(TenantState state) {
        TenantDetails details = state.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", details.name());
        values.put("domain", details.domain());
        values.put("timezone", details.timezone());
        values.put("max_extensions", String.valueOf(details.maxExtensions()));
        values.put("country_code", details.profile() == null ? null : details.profile().countryCode());
        values.put("partner_id", details.partnerId());
        values.put("currency", details.branding() == null ? null : details.branding().currency());
        values.put("accent_color", details.branding() == null ? null : details.branding().accentColor());
        values.put("description", details.profile() == null ? null : details.profile().description());
        values.replaceAll((name, value) -> value == null ? "" : value);
        return values;
    }

    /**
     * The number field as a JSON number when it is one; anything else is passed on as typed, for the API to refuse
     * with its own words.
     */
    private static Object typed(String name, String value) {
        return name.equals("max_extensions") && WHOLE_NUMBER.matcher(value).matches() ? Long.valueOf(value) : value;
    }
}
