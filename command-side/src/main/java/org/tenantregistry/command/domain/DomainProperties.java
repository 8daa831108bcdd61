package org.tenantregistry.command.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Custom domains, prefix {@code tenant-registry.domains}.
 *
 * @param baseDomain         the platform's own domain: tenant {@code acme} is reached at {@code acme.<baseDomain>},
 *                           the target of a custom domain's CNAME; neither it nor a name under it can be added
 * @param dnsServers         the resolvers verification asks, in this order, as {@code host:port} (port 53 when left
 *                           out, IPv6 in brackets: {@code [::1]:53}); empty asks the system's resolvers
 * @param dnsTimeout         how long each resolver is given to answer a lookup before the next is asked; when none
 *                           answers, the lookup counts as a timeout
 * @param tokenValidity      how long a verification token proves anything after it is issued
 * @param maxPerTenant       how many custom domains one tenant may have
 * @param recheckInterval    how long a verified domain goes between re-checks
 * @param recheckScan        how often the re-checks that are due are looked for
 * @param failuresBeforeLoss how many failed checks in a row turn a verified domain back to pending
 */
@Validated
@ConfigurationProperties("tenant-registry.domains")
public record DomainProperties(
        @DefaultValue("tenants.localhost") @NotBlank String baseDomain,
        @DefaultValue List<String> dnsServers,
        @DefaultValue("3s") @NotNull Duration dnsTimeout,
        @DefaultValue("7d") @NotNull Duration tokenValidity,
        @DefaultValue("20") @Positive int maxPerTenant,
        @DefaultValue("24h") @NotNull Duration recheckInterval,
        @DefaultValue("1m") @NotNull Duration recheckScan,
        @DefaultValue("3") @Positive int failuresBeforeLoss) {
}
