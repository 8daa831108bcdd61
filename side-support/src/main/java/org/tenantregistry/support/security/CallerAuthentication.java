package org.tenantregistry.support.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.security.Principal;
import java.util.Optional;

/**
 * An authenticated request: its {@link Caller} as principal, one {@code SCOPE_<scope>} authority per scope (what
 * the sides' URL rules ask for), the token as credentials. Its name is the subject: the rate limits and the
 * idempotency keys count per caller by it.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

    private final Caller caller;
    private final transient Jwt token;

    CallerAuthentication(Caller caller, Jwt token) {
        super(caller.scopes().stream().map(scope -> new SimpleGrantedAuthority(SCOPE_AUTHORITY_PREFIX + scope))
                .toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    public static CallerAuthentication of(Jwt token) {
        return new CallerAuthentication(Caller.of(token), token);
    }

    /** The caller a request's principal (or a security context's authentication) is, if a token authenticated it. */
    public static Optional<Caller> callerOf(@Nullable Principal principal) {
        return principal instanceof CallerAuthentication authentication
                ? Optional.of(authentication.getPrincipal()) : Optional.empty();
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    /** The authority a URL rule asks for to let a scope through. */
    public static String authority(String scope) {
        return SCOPE_AUTHORITY_PREFIX + scope;
    }
}
