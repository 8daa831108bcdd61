package org.tenantregistry.support.ratelimit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Per-caller rate limits ({@link RateLimitFilter}), the buckets in the side's PostgreSQL unless
 * {@code tenant-registry.rate-limit.store=local}; the groups are in each side's application.yml. Left out entirely
 * with {@code tenant-registry.rate-limit.enabled=false}. Both sides import it with their security configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tenant-registry.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    @Bean
    RateLimitBuckets rateLimitBuckets(RateLimitProperties properties, DataSource dataSource, Clock clock) {
        return RateLimitBuckets.of(properties.store(), dataSource, clock);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, RateLimitBuckets buckets,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new RateLimitFilter(properties, buckets, resolver);
    }

    /** It runs in Spring Security's filter chain (see ResourceServerSecurity), not once more as a servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
