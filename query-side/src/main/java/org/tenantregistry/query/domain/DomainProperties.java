package org.tenantregistry.query.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Custom domains and the public branding on the query side, prefix {@code tenant-registry.domains} (the command side
 * reads {@code base-domain} under the same name).
 *
 * @param baseDomain          the platform's own domain: tenant {@code acme} is reached at {@code acme.<baseDomain>},
 *                            the target of a custom domain's CNAME
 * @param platformHosts       host names that are the platform itself, not a tenant (the branding answers
 *                            {@code is_tenant: false} for them, as for the base domain)
 * @param brandingMaxAge      how long clients and shared caches may keep a branding answer ({@code Cache-Control})
 * @param brandingCacheTtl    how long this instance keeps a host's resolution in memory
 * @param brandingCacheSize   how many hosts this instance keeps at most; unknown hosts are kept too, so that a flood
 *                            of made-up names costs no query each, and this bounds what they take
 */
@Validated
@ConfigurationProperties("tenant-registry.domains")
public record DomainProperties(
        @DefaultValue("tenants.localhost") @NotBlank String baseDomain,
        @DefaultValue({"localhost", "127.0.0.1", "::1"}) List<String> platformHosts,
        @DefaultValue("60s") @NotNull Duration brandingMaxAge,
        @DefaultValue("10s") @NotNull Duration brandingCacheTtl,
        @DefaultValue("10000") @Positive int brandingCacheSize) {
}
