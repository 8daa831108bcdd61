package org.tenantregistry.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tenantregistry.command.tenant.TenantNumbers;
import org.tenantregistry.support.web.TenantIdConverter;

/** Every path that takes a tenant id takes the tenant's number too, resolved from the numbers the creates gave. */
@Configuration(proxyBeanMethods = false)
class TenantPathsConfiguration implements WebMvcConfigurer {

    private final TenantNumbers numbers;

    TenantPathsConfiguration(TenantNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new TenantIdConverter(numbers::tenantOf));
    }
}
