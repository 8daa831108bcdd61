package org.tenantregistry.command.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.support.ratelimit.RateLimitConfiguration;
import org.tenantregistry.support.ratelimit.RateLimitFilter;
import org.tenantregistry.support.security.CallerRules;
import org.tenantregistry.support.security.ResourceServerSecurity;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.ApiSecurityProperties;

import java.util.regex.Pattern;

import static org.tenantregistry.support.security.CallerAuthentication.authority;

/**
 * Who may send what to the command side. Writes need {@code tenants:write}, a purge {@code tenants:purge}, the
 * actuator and republishing ({@code /api/admin/republish}) an operator's {@code registry:admin}; a client admin's
 * {@code PUT /api/settings} needs {@code settings.manage}. A token bound to a tenant (a client admin's,
 * {@code tenant_id}) gets nothing else of the API
 * but {@code /api/me} and a switch to its own tenant, whatever scopes it holds: every other request under
 * {@code /api/} is 403. Which partner's tenants a caller may touch the aggregate decides ({@code PartnerBoundary}).
 * The audit reads (a tenant's history, the tenant as it was, the events across tenants) need {@code audit:read}; the
 * events across tenants, the hash chain's verification and its checkpoints speak of every partner's tenants (a chain
 * check reads the event store as it is, whoever's), so a partner's token gets none of them. The console's pages here
 * are its forms and their handlers (writes: {@code tenants:write}), a tenant's history ({@code audit:read}) and
 * republishing (an operator's, as the API's); its login and logout are open, as the API's are.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(RateLimitConfiguration.class)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class SecurityConfiguration {

    /** {@code DELETE /api/tenants/{id}?purge=true}: the one write that needs more than {@code tenants:write}. */
    private static final RequestMatcher PURGE = request -> HttpMethod.DELETE.matches(request.getMethod())
            && "true".equalsIgnoreCase(request.getParameter("purge"));

    /**
     * The command side's only reads of tenants, the audit's: {@code GET /api/tenants/{id}} (as of a moment or a
     * version; the current tenant is the query side's) and a tenant's history.
     */
    private static final Pattern TENANT_AUDIT_PATH = Pattern.compile("/api/tenants/[^/]+(/history(/.*)?)?");
    private static final RequestMatcher TENANT_AUDIT = request -> isRead(request)
            && TENANT_AUDIT_PATH.matcher(request.getRequestURI()).matches();
    private static final RequestMatcher EVENTS_AUDIT = request -> isRead(request)
            && request.getRequestURI().equals("/api/events");

    /** The hash chain: a tenant's verification and the checkpoints over all tenants. */
    /** The keys of the topic's sealed fields: for downstream services that read every tenant (README "Erasure"). */
    private static final String[] EVENT_KEYS = {"/api/event-keys", "/api/event-keys/*"};
    private static final String[] CHAIN_PATHS = {"/api/tenants/*/history/verify", "/api/audit/**"};

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurityProperties properties,
                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                            ObjectProvider<RateLimitFilter> rateLimit) {
        return new ResourceServerSecurity(properties, resolver, rateLimit.getIfAvailable()).applyTo(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ResourceServerSecurity.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/admin/login", "/api/admin/logout").permitAll()
                        .requestMatchers(HttpMethod.POST, "/console/login", "/console/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/tenants/*/history")
                        .access(CallerRules.untiedToATenant(Scopes.AUDIT_READ))
                        .requestMatchers("/console/republish").access(CallerRules.operator())
                        .requestMatchers("/console/**").access(CallerRules.untiedToATenant(Scopes.TENANTS_WRITE))
                        .requestMatchers("/actuator/**", "/api/admin/republish").access(CallerRules.operator())
                        .requestMatchers(HttpMethod.PUT, "/api/settings").hasAuthority(authority(Scopes.SETTINGS_MANAGE))
                        .requestMatchers("/api/me", "/api/tenants/*/switch").authenticated()
                        .requestMatchers(CHAIN_PATHS).access(CallerRules.unbound(Scopes.AUDIT_READ))
                        .requestMatchers(HttpMethod.GET, EVENT_KEYS).access(CallerRules.unbound(Scopes.TENANTS_READ))
                        .requestMatchers(PURGE).access(CallerRules.untiedToATenant(Scopes.TENANTS_PURGE))
                        .requestMatchers(TENANT_AUDIT).access(CallerRules.untiedToATenant(Scopes.AUDIT_READ))
                        .requestMatchers(EVENTS_AUDIT).access(CallerRules.unbound(Scopes.AUDIT_READ))
                        .requestMatchers("/api/**").access(CallerRules.untiedToATenant(Scopes.TENANTS_WRITE))
                        .anyRequest().authenticated())
                .build();
    }
}
