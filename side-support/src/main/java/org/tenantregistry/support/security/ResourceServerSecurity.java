package org.tenantregistry.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.support.ratelimit.RateLimitFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * What both sides' filter chains have in common; each side adds which request needs which scope. Stateless: no
 * server session, the token (header or session cookie) authenticates every request. Problems for 401 and 403, the
 * CSRF check for cookie-authenticated writes (the double-submit {@code XSRF-TOKEN} cookie, echoed in
 * {@code X-XSRF-TOKEN}), Spring Security's headers ({@code X-Content-Type-Options}, {@code Cache-Control: no-store}
 * unless an answer sets its own, HSTS on secure requests, {@code X-Frame-Options}), CORS for the configured
 * origins only, and the rate limit. A browser on the console's pages without a valid session goes to the login page
 * ({@link ConsoleEntryPoint}) instead of getting a 401 problem, and a page saying it is not allowed instead of a 403
 * problem ({@link ConsoleAccessDenied}).
 */
public final class ResourceServerSecurity {

    /**
     * What anyone may read: health probes, the API documents and Swagger UI, the error page, and the console's
     * stylesheet, scripts and webjars (its login page needs them before anyone is logged in).
     */
    public static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/error", "/console/assets/**", "/webjars/**"};

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final JwtDecoder decoder;
    private final SecurityProblems problems;
    private final ApiSecurityProperties.Cors cors;
    private final @Nullable RateLimitFilter rateLimit;

    /** @param rateLimit the side's rate limit, null when rate limits are off */
    public ResourceServerSecurity(ApiSecurityProperties properties, HandlerExceptionResolver resolver,
                                  @Nullable RateLimitFilter rateLimit) {
        this.decoder = TokenDecoder.of(properties.jwt());
        this.problems = new SecurityProblems(resolver);
        this.cors = properties.cors();
        this.rateLimit = rateLimit;
    }

    public HttpSecurity applyTo(HttpSecurity http) {
        ConsoleEntryPoint entryPoint = new ConsoleEntryPoint(problems);
        ConsoleAccessDenied denied = new ConsoleAccessDenied(problems);
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(CallerAuthentication::of))
                        .bearerTokenResolver(new SessionCookie())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                // Not Spring's CSRF configuration: the resource server exempts every request its token resolver
                // finds a token in, and the session cookie is one, so cookie-authenticated writes would go unchecked.
                .csrf(csrf -> csrf.disable())
                .addFilterAt(cookieCsrf(denied), CsrfFilter.class)
                .addFilterAfter(new CsrfCookieIssuer(), CsrfFilter.class)
                .cors(configurer -> configurer.configurationSource(corsSource()));
        if (rateLimit != null) {
            // Once the token is read, before access is decided: a caller's requests count against its own buckets,
            // and a request without a token (answered 401 next) against its address's.
            http.addFilterBefore(rateLimit, AuthorizationFilter.class);
        }
        return http;
    }

    /**
     * The double-submit check for writes authenticated by the session cookie: the {@code XSRF-TOKEN} cookie's value
     * must come back in {@code X-XSRF-TOKEN}, which a page of another site cannot read, so cannot send.
     */
    private CsrfFilter cookieCsrf(AccessDeniedHandler denied) {
        CsrfFilter filter = new CsrfFilter(CookieCsrfTokenRepository.withHttpOnlyFalse());
        filter.setRequireCsrfProtectionMatcher(request ->
                !SAFE_METHODS.contains(request.getMethod()) && SessionCookie.authenticates(request));
        filter.setRequestHandler(new CsrfTokenRequestAttributeHandler());
        filter.setAccessDeniedHandler(denied);
        return filter;
    }

    private UrlBasedCorsConfigurationSource corsSource() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                    HttpHeaders.IF_MATCH, "Idempotency-Key", "X-Change-Reason", "Prefer", "X-Request-Id"));
            configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                    "RateLimit", "RateLimit-Policy", "X-Request-Id"));
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }

    /**
     * Writes the {@code XSRF-TOKEN} cookie to browsers (requests without an {@code Authorization} header) that have
     * none yet: Spring Security creates the token lazily, so a console that just logged in would otherwise have no
     * value to echo on its first write.
     */
    private static final class CsrfCookieIssuer extends OncePerRequestFilter {

        /**
         * Public pages (the branding by Host) write nothing and are cached, by shared caches too: a cookie on them
         * would be handed to every visitor.
         */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/api/public/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
