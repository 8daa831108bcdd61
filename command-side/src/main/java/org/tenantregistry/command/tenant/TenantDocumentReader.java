package org.tenantregistry.command.tenant;

import org.tenantregistry.events.TenantStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a flat tenant document ({@link TenantDocument}) field by field, so that a client learns every fault at once:
 * unknown fields, values of the wrong type and broken field rules in one answer, not the first of them alone.
 * Fields of the read representation a client echoes back (id, number, counts…) are ignored, as the replaced APIs'
 * clients send what they read.
 */
public final class TenantDocumentReader {

    private static final JsonMapper JSON = StrictJson.configure(JsonMapper.builder()).build();

    /** The record's components in the snake case the document is written in. */
    private static final Set<String> WRITABLE = Arrays.stream(TenantDocument.class.getRecordComponents())
            .map(component -> component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    /** Decided by the registry, shown by the read representation; never written by a client. */
    private static final Set<String> READ_ONLY = Set.of("id", "number", "is_trashed", "country_name",
            "suspension_reason", "created_at", "updated_at", "deleted_at", "version", "extensions_count",
            "dids_count", "queues_count", "rates_count", "users_count", "extensions", "dids", "queues", "rates",
            "users");

    private TenantDocumentReader() {
    }

    /** @throws InvalidTenantException naming every field at fault */
    public static TenantDraft read(Map<String, Object> body) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        body.forEach((field, value) -> {
            if (READ_ONLY.contains(field)) {
                return;
            }
            if (!WRITABLE.contains(field)) {
                errors.put(field, "is unknown");
                return;
            }
            Object taken = emptyArrayAsEmptySettings(field, value);
            Map<String, Object> single = new HashMap<>();
            single.put(field, taken);
            try {
                JSON.convertValue(single, TenantDocument.class);
                bound.put(field, taken);
            } catch (JacksonException e) {
                JsonFieldError error = JsonFieldError.of(e).orElse(new JsonFieldError(field,
                        e instanceof InputCoercionException ? "is out of range" : "has an invalid value"));
                errors.put(error.field(), error.message());
            }
        });
        TenantDocument document = JSON.convertValue(bound, TenantDocument.class);
        if (document.active() != null && document.status() != null
                && document.active() != (document.status() == TenantStatus.ACTIVE)) {
            errors.put("active", "contradicts the status field");
        }
        TenantDraft draft = document.toDraft();
        if (!errors.isEmpty()) {
            try {
                TenantDraftValidator.validate(draft);
            } catch (InvalidTenantException invalid) {
                invalid.errors().forEach(errors::putIfAbsent);
            }
            throw new InvalidTenantException(errors);
        }
        return draft;
    }

    /** PHP encodes an empty map as {@code []} (seed 002's create sends {@code "settings": []}). */
    private static Object emptyArrayAsEmptySettings(String field, Object value) {
        return "settings".equals(field) && value instanceof List<?> list && list.isEmpty() ? Map.of() : value;
    }
}
