package org.tenantregistry.query.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI tenantRegistryQueryApi() {
        return new OpenAPI().info(new Info()
                .title("tenant-registry query API")
                .version("v1")
                .description("""
                        Reads of the tenant registry: lists, counts, lookups and the MSP dashboard, served from read \
                        models that follow the tenant events. Every endpoint accepts `min_version=<tenant id>:<version>` \
                        (repeatable or comma-separated) to wait until the read model shows at least that version of \
                        the tenant; the version is the one a write on the command side answered with. Errors are RFC \
                        9457 problem details."""));
    }
}
