package org.tenantregistry.support.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-caller rate limits ({@code tenant-registry.rate-limit}): each request counts against one endpoint group's
 * bucket of its caller, which holds {@code per-minute} requests and is full again a minute after it was first drawn on.
 *
 * @param enabled whether the side limits at all (read by the sides' configuration, which leaves the filter out when
 *                it is {@code false}: the benchmark and the tests that send more than a caller may)
 * @param store   where the buckets are kept
 * @param groups  the endpoint groups by name; {@value #DEFAULT_GROUP} (60 a minute unless configured) takes every
 *                request no other group matches
 */
@ConfigurationProperties("tenant-registry.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("postgresql") Store store,
        Map<String, Group> groups) {

    public static final String DEFAULT_GROUP = "default";
    /** Seed 001: "This endpoint has a rate limit of 60 requests per minute." */
    public static final int DEFAULT_PER_MINUTE = 60;

    /** Group names go into the {@code RateLimit} headers as structured-field strings, unescaped. */
    private static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public RateLimitProperties {
        Map<String, Group> all = new LinkedHashMap<>(groups == null ? Map.of() : groups);
        all.putIfAbsent(DEFAULT_GROUP, new Group(DEFAULT_PER_MINUTE, List.of(), List.of()));
        all.forEach((name, group) -> {
            if (!GROUP_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Rate limit group '" + name
                        + "': names are lower-case letters, digits and dashes");
            }
            if (name.equals(DEFAULT_GROUP) != group.paths().isEmpty()) {
                throw new IllegalArgumentException("Rate limit group '" + name + "': "
                        + (name.equals(DEFAULT_GROUP) ? "the default group takes what no other group matches, it has "
                        + "no paths" : "paths are required (Spring path patterns such as /api/tenants/**)"));
            }
        });
        groups = Map.copyOf(all);
    }

    /** Where the buckets are. */
    public enum Store {
        /**
         * Bucket4j's PostgreSQL backend on the side's own database: every instance of a side that shares the database
         * counts a caller's requests in the same bucket.
         */
        POSTGRESQL,
        /** In this JVM's memory: right for one instance only (each instance would allow the full rate). */
        LOCAL
    }

    /**
     * @param perMinute requests a caller may send to the group's endpoints in a minute
     * @param paths     Spring path patterns ({@code /api/tenants/**}); where several groups match a request, the most
     *                  specific pattern wins, as with request mappings
     * @param methods   the HTTP methods the group is for; empty for all
     */
    public record Group(@DefaultValue("" + DEFAULT_PER_MINUTE) int perMinute, List<String> paths,
                        List<String> methods) {

        public Group {
            if (perMinute < 1) {
                throw new IllegalArgumentException("Rate limit per-minute must be at least 1, not " + perMinute);
            }
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? List.of() : List.copyOf(methods);
        }
    }
}
