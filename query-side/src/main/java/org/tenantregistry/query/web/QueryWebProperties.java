package org.tenantregistry.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * What the query API accepts from clients and proxies.
 *
 * @param maxBodySize    a request body above this is refused with 413; no query takes a body, so it is small
 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the proxies whose {@code Forwarded} and
 *                       {@code X-Forwarded-*} headers are believed; loopback by default, where the gateway runs
 */
@ConfigurationProperties("tenant-registry.query.web")
public record QueryWebProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies) {
}
