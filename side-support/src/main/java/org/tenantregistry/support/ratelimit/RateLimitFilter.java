package org.tenantregistry.support.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Limits each caller's requests per endpoint group ({@link RateLimitProperties}). The caller is the authenticated
 * principal when there is one, else the client's address (the forwarded one, behind a trusted gateway:
 * {@code TrustedProxiesFilter} runs earlier). Every answer it lets through carries the IETF draft's headers
 * (draft-ietf-httpapi-ratelimit-headers), {@code RateLimit-Policy: "reads";q=60;w=60} and
 * {@code RateLimit: "reads";r=59;t=42} (requests left, seconds until the bucket is full again); a request over the
 * limit is handed to the side's exception resolvers as a {@link RateLimitExceededException}, so that it is the side's
 * 429 problem details. Orchestrators' health probes are never limited.
 * <p>
 * It runs inside Spring Security's filter chain ({@code ResourceServerSecurity}), after the token is read and before
 * access is decided, so that the principal is known when there is one and a request without a token is limited too.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final PathPattern HEALTH_PROBES = PathPatternParser.defaultInstance.parse("/actuator/health/**");
    /**
     * The console's stylesheet, script and webjars: files of the jar, the same for everyone, that each page loads; a
     * caller's page views would otherwise spend its read budget several times over.
     */
    private static final List<PathPattern> CONSOLE_ASSETS = List.of(
            PathPatternParser.defaultInstance.parse("/console/assets/**"),
            PathPatternParser.defaultInstance.parse("/webjars/**"));
    private static final long WINDOW_SECONDS = EndpointGroups.WINDOW.toSeconds();

    private final EndpointGroups groups;
    private final RateLimitBuckets buckets;
    private final HandlerExceptionResolver resolver;

    public RateLimitFilter(RateLimitProperties properties, RateLimitBuckets buckets,
                           HandlerExceptionResolver resolver) {
        this.groups = new EndpointGroups(properties.groups());
        this.buckets = buckets;
        this.resolver = resolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = EndpointGroups.pathOf(request);
        return HEALTH_PROBES.matches(path) || CONSOLE_ASSETS.stream().anyMatch(assets -> assets.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EndpointGroups.EndpointGroup group = groups.groupOf(request);
        ConsumptionProbe probe;
        try {
            probe = buckets.take(group.name() + " " + callerOf(request), group.bandwidth());
        } catch (RuntimeException e) {
            // the store (PostgreSQL) failed: the side's resolvers tell a database that is away (503) from a fault
            resolver.resolveException(request, response, null, e);
            return;
        }
        response.setHeader("RateLimit-Policy", "\"%s\";q=%d;w=%d".formatted(group.name(), group.perMinute(),
                WINDOW_SECONDS));
        response.setHeader("RateLimit", "\"%s\";r=%d;t=%d".formatted(group.name(), probe.getRemainingTokens(),
                secondsUp(probe.getNanosToWaitForReset())));
        if (!probe.isConsumed()) {
            resolver.resolveException(request, response, null, new RateLimitExceededException(group.name(),
                    group.perMinute(), Math.max(1, secondsUp(probe.getNanosToWaitForRefill()))));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A principal's name and an address never share a bucket, whatever the name is. */
    private static String callerOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null ? "principal " + principal.getName() : "address " + request.getRemoteAddr();
    }

    private static long secondsUp(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
