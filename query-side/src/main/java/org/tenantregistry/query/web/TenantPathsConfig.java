package org.tenantregistry.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.query.tenant.TenantQueries;
import org.tenantregistry.support.security.CallerAuthentication;
import org.tenantregistry.support.web.TenantIdConverter;

import java.util.Optional;
import java.util.UUID;

/**
 * Every path that takes a tenant id takes the tenant's number too, resolved from the read model within the caller's
 * reach: another partner's tenant's number is as unknown as one never given out (the same 404), and its id is not
 * told. The conversion runs before the handler, on the request's thread, so the caller comes from the security
 * context rather than from the handler's parameters.
 */
@Configuration(proxyBeanMethods = false)
class TenantPathsConfig implements WebMvcConfigurer {

    private final TenantQueries queries;

    TenantPathsConfig(TenantQueries queries) {
        this.queries = queries;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new TenantIdConverter(this::idOfNumber));
    }

    /** No number resolves without a caller: every path with a tenant id requires one. */
    private Optional<UUID> idOfNumber(int number) {
        return CallerAuthentication.callerOf(SecurityContextHolder.getContext().getAuthentication())
                .flatMap(caller -> queries.idOfNumber(number, Reach.of(caller)));
    }
}
