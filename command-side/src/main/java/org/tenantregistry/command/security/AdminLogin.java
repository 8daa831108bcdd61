package org.tenantregistry.command.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.tenantregistry.support.security.Scopes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Checks the admin's credentials and issues the session's token: a JWT like the service accounts' ones. */
@Component
@ConditionalOnBooleanProperty("tenant-registry.security.issuer.enabled")
public class AdminLogin {

    /** How the session's token says that it came from a login (the cookie), not from the token endpoint. */
    static final String AUTH_CLAIM = "auth";
    static final String SESSION = "session";

    private final IssuerProperties properties;
    private final PasswordEncoder passwords;
    private final JwtEncoder tokens;
    private final Clock clock;
    /**
     * Checked when the username is unknown, so that an unknown user takes as long as a wrong password does and
     * the answer's timing does not tell which usernames exist.
     */
    private final String unknownUserHash;

    AdminLogin(IssuerProperties properties, PasswordEncoder passwords, JwtEncoder tokens, Clock clock) {
        this.properties = properties;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.unknownUserHash = passwords.encode(Base64.getEncoder().encodeToString(random));
    }

    public record Session(String token, String subject, List<String> scopes) {
    }

    /** @throws InvalidCredentialsException for an unknown user and a wrong password alike */
    public Session login(String username, String password) {
        IssuerProperties.Admin admin = properties.admin();
        boolean knownUser = admin.username() != null && admin.passwordHash() != null
                && MessageDigest.isEqual(admin.username().getBytes(StandardCharsets.UTF_8),
                username.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = passwords.matches(password, knownUser ? admin.passwordHash() : unknownUserHash);
        if (!knownUser || !passwordMatches) {
            throw new InvalidCredentialsException();
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.uri().toString())
                .audience(List.of(properties.audience()))
                .subject(admin.username())
                .claim("scope", String.join(" ", Scopes.ALL))
                .claim(AUTH_CLAIM, SESSION)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.sessionLifetime()))
                .id(UUID.randomUUID().toString())
                .build();
        String token = tokens.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new Session(token, admin.username(), Scopes.ALL);
    }
}
