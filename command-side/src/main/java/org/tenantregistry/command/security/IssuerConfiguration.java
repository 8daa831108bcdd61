package org.tenantregistry.command.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import org.tenantregistry.support.ratelimit.RateLimitFilter;

import java.util.List;

/**
 * The registry's own token issuer (Spring Authorization Server), when {@code tenant-registry.security.issuer.enabled}:
 * client-credentials tokens for the configured service accounts, the JWK set and the authorization-server metadata.
 * Its filter chain covers only its own endpoints ({@code /oauth2/**}, {@code /.well-known/**}); every other path is
 * the main chain's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("tenant-registry.security.issuer.enabled")
class IssuerConfiguration {

    static final String CLIENT_ID_CLAIM = "client_id";
    private static final String PARTNER_ID_CLAIM = "partner_id";
    private static final String TENANT_ID_CLAIM = "tenant_id";

    @Bean
    @Order(1)
    SecurityFilterChain issuerFilterChain(HttpSecurity http, RegisteredClientRepository clients,
                                          ObjectProvider<RateLimitFilter> rateLimit) throws Exception {
        // Before the client's secret is checked: guessing secrets costs a caller its address's requests.
        rateLimit.ifAvailable(filter -> http.addFilterBefore(filter, AbstractPreAuthenticatedProcessingFilter.class));
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/oauth2/**"),
                        PathPatternRequestMatcher.pathPattern("/.well-known/**")))
                .oauth2AuthorizationServer(server -> server
                        .registeredClientRepository(clients)
                        .authorizationService(new SelfContainedTokens())
                        .tokenEndpoint(token -> token.accessTokenRequestConverter(new ClientScopesByDefault())))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Without a login page, an unauthenticated request to another of its endpoints is a plain 401.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    RSAKey issuerSigningKey(IssuerProperties properties) {
        if (properties.keyLocation() == null) {
            throw new IllegalStateException("tenant-registry.security.issuer.key-location is not set: the issuer "
                    + "needs a PEM PKCS#8 RSA private key to sign tokens with (or disable the issuer).");
        }
        return SigningKey.read(properties.keyLocation());
    }

    @Bean
    JWKSource<SecurityContext> issuerKeys(RSAKey issuerSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(issuerSigningKey));
    }

    /** Signs the client-credentials tokens and the admin's session tokens alike. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> issuerKeys) {
        return new NimbusJwtEncoder(issuerKeys);
    }

    /** Checks the hashed client secrets and the admin's password hash, whatever their encoding ({bcrypt}, ...). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        if (properties.uri() == null) {
            throw new IllegalStateException("tenant-registry.security.issuer.uri is not set: the tokens' issuer, "
                    + "the base URL clients reach the registry at (e.g. http://localhost:8080).");
        }
        return AuthorizationServerSettings.builder().issuer(properties.uri().toString()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IssuerProperties properties) {
        if (properties.clients().isEmpty()) {
            throw new IllegalStateException("tenant-registry.security.issuer.clients is empty: the issuer needs at "
                    + "least one service client (client-id, secret-hash).");
        }
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
        List<RegisteredClient> clients = properties.clients().stream()
                .map(client -> RegisteredClient.withId(client.clientId())
                        .clientId(client.clientId())
                        .clientSecret(client.secretHash())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(client.scopes()))
                        .tokenSettings(tokens)
                        .clientSettings(reach(client))
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The registry's audience instead of Spring's default (the client's id), the client's id as a claim, and
     * {@code scope} as the space-separated string RFC 9068 asks for (Spring writes an array), as in the session's token.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> registryClaims(IssuerProperties properties) {
        return context -> context.getClaims()
                .audience(List.of(properties.audience()))
                .claim(CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId())
                .claims(claims -> {
                    if (!context.getAuthorizedScopes().isEmpty()) {
                        claims.put(OAuth2ParameterNames.SCOPE, String.join(" ", context.getAuthorizedScopes()));
                    }
                    for (String reach : List.of(PARTNER_ID_CLAIM, TENANT_ID_CLAIM)) {
                        Object value = context.getRegisteredClient().getClientSettings().getSetting(reach);
                        if (value != null) {
                            claims.put(reach, value);
                        }
                    }
                });
    }

    /** The partner or tenant a client's tokens are bound to, kept with the client for {@link #registryClaims}. */
    private static ClientSettings reach(IssuerProperties.Client client) {
        ClientSettings.Builder settings = ClientSettings.builder();
        if (client.partnerId() != null) {
            settings.setting(PARTNER_ID_CLAIM, client.partnerId());
        }
        if (client.tenantId() != null) {
            settings.setting(TENANT_ID_CLAIM, client.tenantId().toString());
        }
        return settings.build();
    }
}
