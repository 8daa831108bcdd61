package org.tenantregistry.command.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. They are self-contained JWTs that every side checks by their signature alone,
 * and the client-credentials grant needs no state between requests; Spring's in-memory default would hold every token
 * ever issued until the side stops. So a token cannot be revoked: it expires (token-lifetime, 15 minutes by default),
 * and introspection says every token is inactive.
 */
final class SelfContainedTokens implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep: see the class comment
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing was kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
