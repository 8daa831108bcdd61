package org.tenantregistry.query.security;

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
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.support.ratelimit.RateLimitConfiguration;
import org.tenantregistry.support.ratelimit.RateLimitFilter;
import org.tenantregistry.support.security.CallerRules;
import org.tenantregistry.support.security.ResourceServerSecurity;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.ApiSecurityProperties;


import static org.tenantregistry.support.security.CallerAuthentication.authority;

/**
 * Who may read what on the query side. Reads need {@code tenants:read}; a client admin's token
 * ({@code settings.manage}) reads its own tenant too. Operator endpoints and the actuator need an operator's
 * {@code registry:admin} (a token bound to no partner or tenant); {@code /api/public/**} is open. The MSP dashboard
 * is for readers without a {@code tenant_id} (a client admin's token: 403). Which tenants a reader sees (its
 * partner's, its own) the queries decide, from the caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(RateLimitConfiguration.class)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurityProperties properties,
                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                            ObjectProvider<RateLimitFilter> rateLimit) {
        return new ResourceServerSecurity(properties, resolver, rateLimit.getIfAvailable()).applyTo(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ResourceServerSecurity.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/console").permitAll()
                        .requestMatchers("/console/operations/**").access(CallerRules.operator())
                        .requestMatchers("/console/**").access(CallerRules.untiedToATenant(Scopes.TENANTS_READ))
                        .requestMatchers("/actuator/**", "/api/admin/**").access(CallerRules.operator())
                        .requestMatchers(HttpMethod.GET, "/api/dashboard/**")
                        .access(CallerRules.untiedToATenant(Scopes.TENANTS_READ))
                        .requestMatchers(HttpMethod.GET, "/api/tenants/*").hasAnyAuthority(
                                authority(Scopes.TENANTS_READ), authority(Scopes.SETTINGS_MANAGE))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(authority(Scopes.TENANTS_READ))
                        .anyRequest().authenticated())
                .build();
    }
}
