package org.tenantregistry.support.security;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The one way a side turns a bearer token into claims. Only RS256 signatures by the issuer's keys pass: a token
 * with {@code alg: none}, an HMAC signature (keyed, say, with the public key: the HS/RS confusion) or an unknown key
 * id is refused by Nimbus before any claim is read. Then expiry and not-before (60 s of clock skew, Spring's
 * default), the issuer, the audience when one is set, and the registry's own claims: a {@code tenant_id} that is no
 * UUID would otherwise pass as "no tenant".
 */
public final class TokenDecoder {

    private TokenDecoder() {
    }

    public static JwtDecoder of(ApiSecurityProperties.Jwt settings) {
        if (settings.issuerUri() == null) {
            throw new IllegalStateException("tenant-registry.security.jwt.issuer-uri is not set: every token's "
                    + "issuer must be known (the local launcher sets it to its own issuer)");
        }
        String issuer = settings.issuerUri().toString();
        OAuth2TokenValidator<Jwt> validator = validator(issuer, settings.audience());
        if (settings.publicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(settings))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (settings.jwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // Discovery asks the issuer over the network: at the first token, not while the side starts.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        if (audience != null && !audience.isBlank()) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(audience)));
        }
        validators.add(optional(Caller.TENANT_ID, TokenDecoder::isUuid));
        validators.add(optional(Caller.PARTNER_ID, partner -> partner instanceof String text && !text.isBlank()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** A claim a token may leave out; when it has it, it must be valid ({@link JwtClaimValidator} requires it). */
    private static OAuth2TokenValidator<Jwt> optional(String claim, Predicate<Object> valid) {
        OAuth2Error invalid = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The " + claim + " claim is not valid",
                null);
        return token -> !token.hasClaim(claim) || valid.test(token.getClaim(claim))
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(invalid);
    }

    private static boolean isUuid(Object value) {
        try {
            return value instanceof String text && UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static RSAPublicKey publicKey(ApiSecurityProperties.Jwt settings) {
        try (InputStream pem = settings.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer's public key from "
                    + settings.publicKeyLocation(), e);
        }
    }
}
