package org.tenantregistry.command.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} gets all the scopes the client is registered with (RFC 6749,
 * 3.3, lets the server choose a default); Spring's would grant none, and a plain
 * {@code curl -d grant_type=client_credentials} would get a token that may do nothing.
 */
final class ClientScopesByDefault implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter standard =
            new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = standard.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken grant && grant.getScopes().isEmpty()
                && grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                    grant.getAdditionalParameters());
        }
        return converted;
    }
}
