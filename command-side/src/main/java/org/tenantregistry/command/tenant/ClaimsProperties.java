package org.tenantregistry.command.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param quarantine how long a released slug or domain is kept from other tenants */
@ConfigurationProperties("tenant-registry.claims")
public record ClaimsProperties(@DefaultValue("30d") Duration quarantine) {
}
