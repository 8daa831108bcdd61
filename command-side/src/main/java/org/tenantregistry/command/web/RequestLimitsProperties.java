package org.tenantregistry.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a client may send to the API.
 *
 * @param maxBodySize a request body above this is refused with 413 before anything parses it; a tenant, settings
 *                    included (at most 16 KiB), is far smaller
 */
@ConfigurationProperties("tenant-registry.web")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
