package org.tenantregistry.query.erasure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The key client: Spring Security's client-credentials flow on a {@link RestClient}, its token kept until it expires
 * and asked for again then (or after a 401). Nothing of it is a bean but the {@link EventKeys}: a
 * {@code ClientRegistrationRepository} bean would have Spring Boot add an OAuth2 login to the query side.
 */
@Configuration(proxyBeanMethods = false)
class EventKeysConfig {

    private static final String REGISTRATION = "tenant-registry-event-keys";
    /** Tokens are the query side's own, whoever's request (an operator's replay) needs a key. */
    private static final Authentication QUERY_SIDE = new AnonymousAuthenticationToken("event-keys", "tenant-registry-query",
            AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    @Bean
    EventKeys eventKeys(EventKeysProperties properties) {
        if (!properties.configured()) {
            return new UnconfiguredEventKeys();
        }
        require(properties.clientId(), "client-id", "TENANTREGISTRY_EVENTKEYS_CLIENTID");
        require(properties.clientSecret(), "client-secret", "TENANTREGISTRY_EVENTKEYS_CLIENTSECRET");
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.connectTimeout());
        timeouts.setReadTimeout(properties.readTimeout());

        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .tokenUri(properties.tokenEndpoint().toString())
                .build();
        ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);

        // What Spring Security's token client uses by default, with the timeouts.
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(timeouts)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenClient))
                .build());

        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        bearer.setPrincipalResolver(request -> QUERY_SIDE);
        // A 401 or 403 drops the token, so that the next attempt asks for a new one.
        bearer.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        RestClient client = RestClient.builder()
                .baseUrl(properties.uri().toString())
                .requestFactory(timeouts)
                .requestInterceptor(bearer)
                .build();
        return new CommandSideEventKeys(client, properties);
    }

    private static void require(String value, String name, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("tenant-registry.event-keys.uri is set, but tenant-registry.event-keys."
                    + name + " is not (" + variable + " in the environment): the query side needs the service "
                    + "client's credentials to ask the command side for tenants' keys");
        }
    }
}
