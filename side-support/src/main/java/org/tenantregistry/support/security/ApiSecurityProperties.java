package org.tenantregistry.support.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.net.URI;
import java.util.List;

/**
 * Whose tokens a side accepts and which browsers may call it. The issuer is required: tokens are refused unless
 * their {@code iss} is exactly it. Keys come from the first of: a PEM public key file, a JWK set URI, or the
 * issuer's OpenID discovery document (Keycloak, ZITADEL, Auth0 and any OIDC provider publish one).
 *
 * @param jwt  the token issuer and where its keys are
 * @param cors the origins whose browser pages may call the API; none by default
 */
@ConfigurationProperties("tenant-registry.security")
public record ApiSecurityProperties(Jwt jwt, Cors cors) {

    public ApiSecurityProperties {
        jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    /**
     * @param issuerUri          the {@code iss} every token must carry
     * @param jwkSetUri          the issuer's JWK set, when there is no public key file
     * @param publicKeyLocation  a PEM (X.509) RSA public key, for an issuer with one fixed key (the local one)
     * @param audience           when set, the {@code aud} every token must contain
     */
    public record Jwt(@Nullable URI issuerUri, @Nullable URI jwkSetUri, @Nullable Resource publicKeyLocation,
                      @Nullable String audience) {

        /** An empty setting (an environment variable set to nothing, as compose does for an unset one) is none. */
        public Jwt {
            issuerUri = issuerUri == null || issuerUri.toString().isBlank() ? null : issuerUri;
            jwkSetUri = jwkSetUri == null || jwkSetUri.toString().isBlank() ? null : jwkSetUri;
        }
    }

    public record Cors(List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
        }
    }
}
