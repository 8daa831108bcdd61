package org.tenantregistry.query.domain;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Prefix {@code tenant-registry.claims}, named as the command side names it.
 *
 * @param quarantine how long a released slug is kept from other tenants: as long, its old host redirects to the
 *                   tenant's current one
 */
@Validated
@ConfigurationProperties("tenant-registry.claims")
public record ClaimsProperties(@DefaultValue("30d") @NotNull Duration quarantine) {
}
