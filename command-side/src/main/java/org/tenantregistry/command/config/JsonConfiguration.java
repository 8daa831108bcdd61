package org.tenantregistry.command.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.command.tenant.StrictJson;

/** Request bodies bind as strictly as the tenant's own merge patch does: one definition, {@link StrictJson}. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }
}
