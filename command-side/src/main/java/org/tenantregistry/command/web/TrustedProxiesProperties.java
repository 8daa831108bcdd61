package org.tenantregistry.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the proxies whose {@code Forwarded} and
 *                       {@code X-Forwarded-*} headers are believed; loopback by default, where the gateway runs
 */
@ConfigurationProperties("tenant-registry.web")
public record TrustedProxiesProperties(@DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies) {
}
