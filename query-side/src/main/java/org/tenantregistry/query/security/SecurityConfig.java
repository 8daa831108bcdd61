package org.tenantregistry.query.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.security.ResourceServerSecurity;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.ApiSecurityProperties;

import java.util.function.Supplier;

import static org.tenantregistry.support.security.CallerAuthentication.authority;

/**
 * Who may read what on the query side. Reads need {@code tenants:read}; a client admin's token
 * ({@code settings.manage}) reads its own tenant too. Operator endpoints and the actuator need
 * {@code registry:admin}; {@code /api/public/**} is open. The MSP dashboard is for readers without a
 * {@code tenant_id} (a client admin has none: 403). Which tenants a reader sees (its partner's, its own) the queries
 * decide, from the caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurityProperties properties,
                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new ResourceServerSecurity(properties, resolver).applyTo(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ResourceServerSecurity.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**").hasAuthority(authority(Scopes.REGISTRY_ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/dashboard/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(authority(Scopes.TENANTS_READ)),
                                SecurityConfig::notOneTenantsAdmin))
                        .requestMatchers(HttpMethod.GET, "/api/tenants/*").hasAnyAuthority(
                                authority(Scopes.TENANTS_READ), authority(Scopes.SETTINGS_MANAGE))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(authority(Scopes.TENANTS_READ))
                        .anyRequest().authenticated())
                .build();
    }

    /** Figures over many tenants are not for a caller that sees one. */
    private static AuthorizationResult notOneTenantsAdmin(Supplier<? extends Authentication> authentication,
                                                          RequestAuthorizationContext request) {
        return new AuthorizationDecision(authentication.get().getPrincipal() instanceof Caller caller
                && caller.tenantId() == null);
    }
}
