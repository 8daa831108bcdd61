package org.tenantregistry.command.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.tenantregistry.support.security.Scopes;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The registry's own token issuer, for a start without an external identity provider: client-credentials tokens for
 * service accounts and the admin's session. Secrets are given as hashes in {@code DelegatingPasswordEncoder}'s format
 * ({@code {bcrypt}$2a$10$...}), never in plain text.
 *
 * @param enabled         whether the side issues tokens at all; off when an external provider issues them
 * @param uri             the tokens' {@code iss}: the base URL clients reach the registry at (the gateway's)
 * @param audience        the tokens' {@code aud}
 * @param keyLocation     a PEM PKCS#8 RSA private key; the public key (and the JWK set) is derived from it
 * @param tokenLifetime   how long a client-credentials access token is valid
 * @param sessionLifetime how long an admin's session token is valid
 * @param admin           the one admin who may log in
 * @param clients         the service accounts that may get client-credentials tokens
 */
@ConfigurationProperties("tenant-registry.security.issuer")
public record IssuerProperties(
        boolean enabled,
        URI uri,
        @DefaultValue("tenant-registry") String audience,
        Resource keyLocation,
        @DefaultValue("15m") Duration tokenLifetime,
        @DefaultValue("8h") Duration sessionLifetime,
        @DefaultValue Admin admin,
        @DefaultValue List<Client> clients) {

    /** @param passwordHash the admin's password, hashed */
    public record Admin(String username, String passwordHash) {
    }

    /**
     * @param secretHash the client's secret, hashed
     * @param scopes     what its tokens may carry; all of the registry's scopes when none are given
     * @param partnerId  an MSP admin's partner: its tokens carry {@code partner_id} and reach that partner's tenants only
     * @param tenantId   a client admin's tenant: its tokens carry {@code tenant_id} and change that tenant's settings only
     */
    public record Client(String clientId, String secretHash, List<String> scopes, @Nullable String partnerId,
                         @Nullable UUID tenantId) {

        public Client {
            scopes = scopes == null || scopes.isEmpty() ? Scopes.ALL : List.copyOf(scopes);
        }
    }
}
