package org.tenantregistry.support.ratelimit;

import io.github.bucket4j.Bandwidth;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which group a request counts against: of the groups whose method and path pattern match, the one with the most
 * specific pattern (Spring's own order for request mappings, so that {@code /api/tenants/count} beats
 * {@code /api/**}); a group for named methods before one for all; {@link RateLimitProperties#DEFAULT_GROUP} when none
 * matches.
 */
final class EndpointGroups {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final List<Route> routes;
    private final EndpointGroup fallback;

    EndpointGroups(Map<String, RateLimitProperties.Group> groups) {
        this.routes = groups.entrySet().stream()
                .flatMap(entry -> {
                    EndpointGroup group = EndpointGroup.of(entry.getKey(), entry.getValue().perMinute());
                    Set<String> methods = entry.getValue().methods().stream()
                            .map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
                    return entry.getValue().paths().stream()
                            .map(path -> new Route(PathPatternParser.defaultInstance.parse(path), methods, group));
                })
                .sorted(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR)
                        .thenComparing(route -> route.methods().isEmpty())
                        .thenComparing(route -> route.group().name()))
                .toList();
        this.fallback = EndpointGroup.of(RateLimitProperties.DEFAULT_GROUP,
                groups.get(RateLimitProperties.DEFAULT_GROUP).perMinute());
    }

    EndpointGroup groupOf(HttpServletRequest request) {
        PathContainer path = pathOf(request);
        return routes.stream()
                .filter(route -> route.matches(request.getMethod(), path))
                .findFirst()
                .map(Route::group)
                .orElse(fallback);
    }

    /** The path within the application; the request firewall has already refused paths not in canonical form. */
    static PathContainer pathOf(HttpServletRequest request) {
        return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
    }

    /** A group's name, limit and the Bucket4j bandwidth of one caller's bucket in it. */
    record EndpointGroup(String name, int perMinute, Bandwidth bandwidth) {

        /**
         * The whole minute's requests come back at once, a minute after the bucket was first drawn on (as Laravel's
         * {@code throttle:60,1}, which seed 001's clients know): the 61st request within that minute is refused.
         */
        static EndpointGroup of(String name, int perMinute) {
            return new EndpointGroup(name, perMinute, Bandwidth.builder()
                    .capacity(perMinute)
                    .refillIntervally(perMinute, WINDOW)
                    .build());
        }
    }

    private record Route(PathPattern pattern, Set<String> methods, EndpointGroup group) {

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
        }
    }
}
