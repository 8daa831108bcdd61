package org.tenantregistry.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tests' token issuer: a key pair made for this test JVM (no key is committed), its public key written where the
 * sides' test configuration points ({@code target/test-keys/signing-key.pub.pem}, before any Spring context starts:
 * see {@link TestSigningKeyListener}), and tokens signed with it as a real issuer would sign them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "tenant-registry";
    public static final Path DIRECTORY = Path.of("target", "test-keys");
    public static final Path PUBLIC_KEY = DIRECTORY.resolve("signing-key.pub.pem");
    public static final Path PRIVATE_KEY = DIRECTORY.resolve("signing-key.pem");

    private static final RSAKey KEY = generate();
    /** Signed once: long enough for any test run. */
    private static final String ADMIN = new Token().issuedAt(Instant.now(), Duration.ofHours(12)).sign();

    private TestTokens() {
    }

    /** A token of the registry's admin: every scope, no partner or tenant. */
    public static String admin() {
        return ADMIN;
    }

    /** The public half of the key every test token is signed with, and the registry's own issuer in tests. */
    public static RSAPublicKey publicKey() {
        try {
            return KEY.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Token token() {
        return new Token();
    }

    /** Writes the key pair as PEM files; the same files for every call in this JVM. */
    static synchronized void writeKeys() {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(PUBLIC_KEY, pem("PUBLIC KEY", KEY.toRSAPublicKey().getEncoded()));
            Files.writeString(PRIVATE_KEY, pem("PRIVATE KEY", KEY.toRSAPrivateKey().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A token to be: every scope, for an hour, until a test says otherwise. */
    public static final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String subject = "test-admin";
        private String issuer = ISSUER;
        private Object audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofHours(1);

        private Token() {
            claims.put("scope", String.join(" ", Scopes.ALL));
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token scopes(String... scopes) {
            claims.put("scope", String.join(" ", scopes));
            return this;
        }

        public Token partner(String partnerId) {
            return claim(Caller.PARTNER_ID, partnerId);
        }

        public Token tenant(String tenantId) {
            return claim(Caller.TENANT_ID, tenantId);
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token audience(Object audience) {
            this.audience = audience;
            return this;
        }

        /** Issued at, valid for its lifetime from then on. */
        public Token issuedAt(Instant issuedAt, Duration lifetime) {
            this.issuedAt = issuedAt;
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            return sign(KEY);
        }

        /** Signed by another key, one the sides do not know. */
        public String signWithUnknownKey() {
            return sign(generate());
        }

        /** Not signed at all: {@code alg: none}, with an empty signature. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        /**
         * The HS/RS confusion: HMAC-signed with the issuer's public key, as PEM, as the secret; a decoder that took
         * the header's {@code alg} at its word would check it with the key it has, and find it valid.
         */
        public String signWithThePublicKeyAsHmacSecret() {
            try {
                byte[] secret = pem("PUBLIC KEY", KEY.toRSAPublicKey().getEncoded()).getBytes(StandardCharsets.US_ASCII);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public JWTClaimsSet claims() {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                    .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime))).jwtID(UUID.randomUUID().toString());
            if (audience instanceof List<?> list) {
                builder.audience(list.stream().map(String::valueOf).toList());
            } else if (audience != null) {
                builder.audience(String.valueOf(audience));
            }
            claims.forEach(builder::claim);
            return builder.build();
        }

        private String sign(RSAKey key) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
