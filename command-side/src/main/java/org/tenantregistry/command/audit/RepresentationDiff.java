package org.tenantregistry.command.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an event changed in a tenant, field by field, in the names of its REST representation: the representations
 * before and after it compared as flat maps. A nested value (the settings object, the list of custom domains) is one
 * field, compared as a whole, so that the diff shows what a client reading the tenant saw change.
 */
public final class RepresentationDiff {

    private RepresentationDiff() {
    }

    /**
     * One field's change. {@code from} is null for a field that had no value (every field of a tenant just created),
     * {@code to} null for one that lost its value; both are always present in the JSON.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(@Nullable Object from, @Nullable Object to) {
    }

    /**
     * The fields whose values differ, in the order of {@code after}'s fields (then those only {@code before} had).
     *
     * @param before  null before the tenant existed
     * @param ignored fields left out even when they differ
     */
    public static Map<String, Change> between(Map<String, ?> before, Map<String, ?> after, Set<String> ignored) {
        Map<String, ?> was = before == null ? Map.of() : before;
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(was.keySet());
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String field : fields) {
            Object from = was.get(field);
            Object to = after.get(field);
            if (!ignored.contains(field) && !Objects.equals(from, to)) {
                changes.put(field, new Change(from, to));
            }
        }
        return Collections.unmodifiableMap(changes);
    }
}
