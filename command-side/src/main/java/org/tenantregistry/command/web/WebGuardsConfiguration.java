package org.tenantregistry.command.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.support.web.FastApiErrorsFilter;
import org.tenantregistry.support.web.ProblemDetailsErrorReportValve;
import org.tenantregistry.support.web.RequestFirewallFilter;
import org.tenantregistry.support.web.TrustedProxiesFilter;

/** The HTTP guards both sides share (side-support), with the command side's problem types and settings. */
@Configuration(proxyBeanMethods = false)
class WebGuardsConfiguration {

    @Bean
    RequestFirewallFilter requestFirewallFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new RequestFirewallFilter(resolver);
    }

    @Bean
    TrustedProxiesFilter trustedProxiesFilter(TrustedProxiesProperties properties) {
        return new TrustedProxiesFilter(properties.trustedProxies());
    }

    /** Seed 004's admin API reads FastAPI's error bodies. */
    @Bean
    FastApiErrorsFilter fastApiErrorsFilter() {
        return new FastApiErrorsFilter();
    }

    @Bean
    TomcatContextCustomizer problemDetailsErrorReport() {
        return ProblemDetailsErrorReportValve.installer(Problems.TYPE_PREFIX);
    }
}
