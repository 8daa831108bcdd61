package org.tenantregistry.command.web;

import org.tenantregistry.support.web.InvalidParametersException;
import org.springframework.http.HttpStatus;
import org.tenantregistry.command.audit.HistoryOrder;
import org.tenantregistry.events.TenantEventTypes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads the audit endpoints' query parameters into typed values, collecting every problem before answering, so that
 * a client learns about all its mistakes at once (as the query side's parameters do). Call {@link #verify()} after
 * the last read.
 */
final class AuditParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final String INSTANT_EXAMPLE = "2026-12-04T09:30:00Z";

    private final Map<String, String> malformed = new TreeMap<>();
    private final Map<String, String> invalid = new TreeMap<>();

    HistoryOrder order(String raw) {
        if (raw == null || raw.isBlank()) {
            return HistoryOrder.ASC;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> HistoryOrder.ASC;
            case "desc" -> HistoryOrder.DESC;
            default -> {
                invalid.put("order", "must be asc or desc");
                yield HistoryOrder.ASC;
            }
        };
    }

    int limit(String raw) {
        Long limit = number("limit", raw, 1, MAX_LIMIT);
        return limit == null ? DEFAULT_LIMIT : Math.toIntExact(limit);
    }

    /** A sequence number or global position: a whole number from 0. */
    Long position(String name, String raw) {
        return number(name, raw, 0, Long.MAX_VALUE);
    }

    Long atVersion(String raw) {
        return number("at_version", raw, 1, Long.MAX_VALUE);
    }

    /**
     * An ISO-8601 instant with its offset ({@code 2026-12-04T09:30:00Z}, {@code 2026-12-04T10:30:00+01:00}). A
     * {@code +} sent unencoded arrives as a space, and is read as the {@code +} it was.
     */
    Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            malformed.put(name, "must be an ISO-8601 instant with its offset, such as " + INSTANT_EXAMPLE);
            return null;
        }
    }

    /** Event types by the contract's names, repeated or comma-separated. */
    Set<String> types(List<String> raw) {
        Set<String> types = new LinkedHashSet<>();
        if (raw == null) {
            return types;
        }
        for (String value : raw) {
            for (String type : value.split(",")) {
                if (type.isBlank()) {
                    continue;
                }
                String name = type.strip();
                if (TenantEventTypes.classOf(name).isEmpty()) {
                    invalid.merge("type", "'" + name + "' is no event type of the contract (such as TenantRenamed "
                            + "or ExtensionRegistered)", (first, next) -> first + "; " + next);
                } else {
                    types.add(name);
                }
            }
        }
        return types;
    }

    UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            malformed.put(name, "must be a UUID");
            return null;
        }
    }

    String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** {@code from} must not come after {@code to}. */
    void timeRange(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            invalid.put("from", "must not be after to");
        }
    }

    void refuse(String name, String reason) {
        invalid.put(name, reason);
    }

    void missing(String name, String reason) {
        malformed.put(name, reason);
    }

    /** @throws InvalidParametersException 400 when something could not be read, else 422, listing all problems */
    void verify() {
        if (!malformed.isEmpty()) {
            Map<String, String> all = new TreeMap<>(invalid);
            all.putAll(malformed);
            throw new InvalidParametersException(HttpStatus.BAD_REQUEST, all);
        }
        if (!invalid.isEmpty()) {
            throw new InvalidParametersException(HttpStatus.UNPROCESSABLE_CONTENT, invalid);
        }
    }

    private Long number(String name, String raw, long min, long max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            malformed.put(name, "must be a whole number");
            return null;
        }
        if (value < min || value > max) {
            invalid.put(name, max == Long.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }
}
