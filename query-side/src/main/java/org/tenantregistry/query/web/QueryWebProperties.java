package org.tenantregistry.query.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * What the query API accepts from clients and proxies.
 *
 * @param maxBodySize    a request body above this is refused with 413; no query takes a body, so it is small
 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the proxies whose {@code Forwarded} and
 *                       {@code X-Forwarded-*} headers are believed; loopback by default, where the gateway runs
 * @param searchTotalCap how many matches of a search are counted exactly; beyond, the total is reported as a lower
 *                       bound ({@code total_relation: gte}). At least the largest page, so that a first page that
 *                       shows every match always has its exact total
 * @param maxPageOffset  how many tenants a page number may skip ({@code (page - 1) * per_page}); deeper pages are
 *                       read by following {@code links.next}, whose cursor resumes on the sort index instead of
 *                       skipping rows one by one
 */
@Validated
@ConfigurationProperties("tenant-registry.query.web")
public record QueryWebProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies,
        @Min(QueryParameters.MAX_PER_PAGE) @DefaultValue("1000") int searchTotalCap,
        @Min(0) @DefaultValue("10000") long maxPageOffset) {
}
