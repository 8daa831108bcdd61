package org.tenantregistry.query.web;

import org.tenantregistry.support.web.InvalidParametersException;
import org.springframework.http.HttpStatus;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.tenant.TenantCursor;
import org.tenantregistry.query.tenant.TenantSort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads raw query parameters into typed values, collecting every problem before answering, so that a client learns
 * about all its mistakes at once. Call {@link #verify()} after the last read.
 */
public final class QueryParameters {

    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;
    static final int MAX_SEARCH_LENGTH = 255;

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Map<String, String> malformed = new TreeMap<>();
    private final Map<String, String> invalid = new TreeMap<>();

    public int page(String raw) {
        return integer("page", raw, 1, 1, Integer.MAX_VALUE);
    }

    public int perPage(String raw) {
        return integer("per_page", raw, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    }

    /** Which page a page number may reach: deeper ones are read through links.next. */
    public void offsetAtMost(int page, int perPage, long maxOffset) {
        if ((long) (page - 1) * perPage > maxOffset) {
            invalid.put("page", "must be at most " + (maxOffset / perPage + 1) + " with per_page=" + perPage
                    + "; follow links.next (it carries a cursor) to read further");
        }
    }

    /** A cursor from a links.next of the same order; anything else is 400, since no position can be read from it. */
    TenantCursor cursor(String raw, TenantSort sort) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return TenantCursor.decode(raw.trim(), sort);
        } catch (IllegalArgumentException e) {
            malformed.put("cursor", "must be the cursor of a links.next of this list, with the same sort");
            return null;
        }
    }

    /** A text to match: {@code search}, and seed 001's {@code name} and {@code description}. */
    public String text(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_SEARCH_LENGTH) {
            invalid.put(parameter, "must not be greater than " + MAX_SEARCH_LENGTH + " characters");
        } else if (CONTROL.matcher(raw).find()) {
            // No field holds one, and the search document joins its fields with one (U+001F): such a term could
            // only match across two fields.
            invalid.put(parameter, "must not contain control characters");
        }
        return raw.trim();
    }

    public TenantStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return TenantStatus.fromWireName(raw.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            invalid.put("status", "must be one of " + Arrays.stream(TenantStatus.values())
                    .map(TenantStatus::wireName).collect(Collectors.joining(", ")));
            return null;
        }
    }

    public String partnerId(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    public String countryCode(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!COUNTRY_CODE.matcher(raw.trim()).matches()) {
            invalid.put("country_code", "must be an ISO 3166-1 alpha-2 code such as DE");
            return null;
        }
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    public TenantSort sort(String raw) {
        if (raw == null || raw.isBlank()) {
            return TenantSort.DEFAULT;
        }
        return TenantSort.fromWireName(raw.trim()).orElseGet(() -> {
            invalid.put("sort", "must be one of " + Arrays.stream(TenantSort.values())
                    .map(TenantSort::wireName).collect(Collectors.joining(", ")));
            return TenantSort.DEFAULT;
        });
    }

    boolean includeDeleted(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                malformed.put("include_deleted", "must be true or false");
                yield false;
            }
        };
    }

    /** Tokens {@code <tenant id>:<version>}, repeated or comma-separated (Spring splits the commas already). */
    public List<VersionToken> minVersion(List<String> raw) {
        List<VersionToken> tokens = new ArrayList<>();
        if (raw == null) {
            return tokens;
        }
        for (String token : raw) {
            if (token == null || token.isBlank()) {
                continue;
            }
            String[] parts = token.trim().split(":", -1);
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not two parts");
                }
                tokens.add(new VersionToken(UUID.fromString(parts[0]), Long.parseLong(parts[1])));
            } catch (IllegalArgumentException e) {
                malformed.put("min_version", "'" + token.trim() + "' is not <tenant id>:<version>, e.g. "
                        + "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3 (a UUID and a version of at least 1)");
            }
        }
        return tokens;
    }

    UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            malformed.put(name, "must be a UUID");
            return null;
        }
    }

    /** One of the allowed values, or the fallback when absent. */
    String oneOf(String name, String raw, List<String> allowed, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(raw.trim())) {
            invalid.put(name, "must be one of " + String.join(", ", allowed));
            return fallback;
        }
        return raw.trim();
    }

    /** @throws InvalidParametersException 400 when something could not be read, else 422, listing all problems */
    public void verify() {
        if (!malformed.isEmpty()) {
            Map<String, String> all = new TreeMap<>(invalid);
            all.putAll(malformed);
            throw new InvalidParametersException(HttpStatus.BAD_REQUEST, all);
        }
        if (!invalid.isEmpty()) {
            throw new InvalidParametersException(HttpStatus.UNPROCESSABLE_CONTENT, invalid);
        }
    }

    private int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            malformed.put(name, "must be a whole number");
            return fallback;
        }
        if (value < min || value > max) {
            invalid.put(name, max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
            return fallback;
        }
        return value;
    }
}
