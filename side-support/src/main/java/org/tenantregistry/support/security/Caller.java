package org.tenantregistry.support.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who sends a request, as its validated token says: the principal of every authenticated request
 * ({@code @AuthenticationPrincipal Caller}).
 *
 * @param subject   the token's {@code sub}: the admin's name, or a service client's id
 * @param clientId  the OAuth2 client the token was issued to, when the issuer says
 * @param scopes    the scopes granted, seed 003's {@code tenants.manage} already widened to read and write
 * @param partnerId an MSP admin's partner: the caller sees and changes only that partner's tenants
 * @param tenantId  a client admin's own tenant: the caller reads it and changes its settings, nothing else
 */
public record Caller(String subject, @Nullable String clientId, Set<String> scopes, @Nullable String partnerId,
                     @Nullable UUID tenantId) {

    static final String PARTNER_ID = "partner_id";
    static final String TENANT_ID = "tenant_id";
    private static final String CLIENT_ID = "client_id";
    private static final String AZP = "azp";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** The claims of a token {@link TokenDecoder} has validated. */
    public static Caller of(Jwt token) {
        String client = token.hasClaim(CLIENT_ID) ? token.getClaimAsString(CLIENT_ID) : token.getClaimAsString(AZP);
        String tenant = token.getClaimAsString(TENANT_ID);
        return new Caller(token.getSubject(), client, scopes(token), token.getClaimAsString(PARTNER_ID),
                tenant == null ? null : UUID.fromString(tenant));
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** Whether the caller may see the tenant of this partner and id at all: others' tenants do not exist for it. */
    public boolean sees(@Nullable String tenantPartner, UUID tenant) {
        return (partnerId == null || partnerId.equals(tenantPartner)) && (tenantId == null || tenantId.equals(tenant));
    }

    /** The {@code scope} claim, a space-separated string (RFC 8693) or a list; some issuers name it {@code scp}. */
    private static Set<String> scopes(Jwt token) {
        Object claim = token.hasClaim("scope") ? token.getClaim("scope") : token.getClaim("scp");
        Set<String> scopes = new LinkedHashSet<>();
        if (claim instanceof String text) {
            scopes.addAll(List.of(text.trim().split("\\s+")));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(String.valueOf(value)));
        }
        scopes.remove("");
        if (scopes.contains(Scopes.TENANTS_MANAGE)) {
            scopes.add(Scopes.TENANTS_READ);
            scopes.add(Scopes.TENANTS_WRITE);
        }
        return scopes;
    }
}
