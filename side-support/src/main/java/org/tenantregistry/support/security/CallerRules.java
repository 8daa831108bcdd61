package org.tenantregistry.support.security;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Predicate;

import static org.tenantregistry.support.security.CallerAuthentication.authority;

/** What a request needs beyond a scope: who the token is bound to (a partner, a tenant, or neither). */
public final class CallerRules {

    private CallerRules() {
    }

    /** The scope, held by a token bound to no tenant: a client admin's token changes its own settings only. */
    public static AuthorizationManager<RequestAuthorizationContext> untiedToATenant(String scope) {
        return scopeAnd(scope, caller -> caller.tenantId() == null);
    }

    /**
     * {@code registry:admin}, held by an operator: a token bound to neither a partner nor a tenant. Metrics and the
     * operator endpoints speak of every partner's tenants at once.
     */
    public static AuthorizationManager<RequestAuthorizationContext> operator() {
        return unbound(Scopes.REGISTRY_ADMIN);
    }

    /**
     * The scope, held by a token bound to neither a partner nor a tenant: for what speaks of every partner's tenants
     * at once, such as the events across tenants and the hash chain's checks and checkpoints.
     */
    public static AuthorizationManager<RequestAuthorizationContext> unbound(String scope) {
        return scopeAnd(scope, caller -> caller.partnerId() == null && caller.tenantId() == null);
    }

    private static AuthorizationManager<RequestAuthorizationContext> scopeAnd(String scope, Predicate<Caller> rule) {
        AuthorizationManager<RequestAuthorizationContext> scoped = AuthorityAuthorizationManager
                .hasAuthority(authority(scope));
        return (authentication, context) -> {
            boolean refused = CallerAuthentication.callerOf(authentication.get()).map(caller -> !rule.test(caller))
                    .orElse(false);
            return refused ? new AuthorizationDecision(false) : scoped.authorize(authentication, context);
        };
    }
}
