package org.tenantregistry.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tenantregistry.query.tenant.TenantQueries;
import org.tenantregistry.support.web.TenantIdConverter;

/** Every path that takes a tenant id takes the tenant's number too, resolved from the read model. */
@Configuration(proxyBeanMethods = false)
class TenantPathsConfig implements WebMvcConfigurer {

    private final TenantQueries queries;

    TenantPathsConfig(TenantQueries queries) {
        this.queries = queries;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new TenantIdConverter(queries::idOfNumber));
    }
}
