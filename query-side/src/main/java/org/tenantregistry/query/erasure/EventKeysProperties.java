package org.tenantregistry.query.erasure;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * How the query side gets tenants' keys for sealed fields, prefix {@code tenant-registry.event-keys}: from the command
 * side's {@code GET /api/event-keys/{tenant_id}}, with a client-credentials token.
 *
 * @param uri            the command side's base URL; unset, the query side can open no sealed field, and an event
 *                       that holds one waits (retried) until this is set
 * @param tokenUri       the token endpoint; unset, the command side's own issuer ({@code <uri>/oauth2/token})
 * @param clientId       the service client the token is asked for; required with {@code uri}
 * @param clientSecret   its secret, from the environment ({@code TENANTREGISTRY_EVENTKEYS_CLIENTSECRET}), never from a
 *                       file in the repository; required with {@code uri}
 * @param scopes         the scopes asked for: the key endpoint wants {@code tenants:read}
 * @param connectTimeout how long connecting to the command side or the token endpoint may take
 * @param readTimeout    how long waiting for their answer may take
 * @param cacheTtl       how long a key, or a purged tenant's 410, is kept before the command side is asked again
 * @param cacheSize      how many tenants' answers are kept at most
 */
@Validated
@ConfigurationProperties("tenant-registry.event-keys")
public record EventKeysProperties(
        URI uri,
        URI tokenUri,
        String clientId,
        String clientSecret,
        @NotEmpty @DefaultValue("tenants:read") Set<String> scopes,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration readTimeout,
        @NotNull @DefaultValue("5m") Duration cacheTtl,
        @Min(1) @DefaultValue("10000") long cacheSize) {

    /** Whether the command side is configured at all. */
    boolean configured() {
        return uri != null;
    }

    URI tokenEndpoint() {
        // An empty one is unset too: docker-compose passes an unset variable as the empty string.
        return tokenUri != null && !tokenUri.toString().isBlank() ? tokenUri : URI.create(uri.toString().replaceAll("/+$", "") + "/oauth2/token");
    }

    @Override
    public String toString() {
        // Never the secret: the record's own toString would print it wherever the properties are logged.
        return "EventKeysProperties[uri=" + uri + ", tokenUri=" + tokenUri + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? null : "***") + ", scopes=" + scopes + "]";
    }
}
