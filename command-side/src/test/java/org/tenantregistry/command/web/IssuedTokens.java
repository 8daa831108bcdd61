package org.tenantregistry.command.web;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.tenantregistry.support.security.TestTokens;

/** Reads a token as a resource server would: its signature checked with the test key's public half. */
final class IssuedTokens {

    static final String ISSUER = TestTokens.ISSUER;

    private IssuedTokens() {
    }

    static Jwt verified(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder.decode(token);
    }
}
