package org.tenantregistry.query.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.query.projection.WaitBound;

/** Read-your-writes settings for the projections' progress, from {@code tenant-registry.query.consistency}. */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfig {

    @Bean
    WaitBound waitBound(QueryProperties properties) {
        QueryProperties.Consistency consistency = properties.consistency();
        return new WaitBound(consistency.maxWait(), consistency.pollInterval(), consistency.maxWaiters());
    }
}
