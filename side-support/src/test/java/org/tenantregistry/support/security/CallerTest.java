package org.tenantregistry.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static Jwt token(String claim, Object scopes) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60)).claim(claim, scopes).build();
    }

    @Test
    void seed003sTenantsManageMayReadAndWrite() {
        Caller caller = Caller.of(token("scope", "tenants.manage"));

        assertThat(caller.has(Scopes.TENANTS_READ)).isTrue();
        assertThat(caller.has(Scopes.TENANTS_WRITE)).isTrue();
        assertThat(caller.has(Scopes.TENANTS_PURGE)).isFalse();
    }

    @Test
    void scopesMayComeAsAListOrAsScp() {
        assertThat(Caller.of(token("scope", List.of("tenants:read", "audit:read"))).scopes())
                .contains(Scopes.TENANTS_READ, Scopes.AUDIT_READ);
        assertThat(Caller.of(token("scp", "tenants:read")).has(Scopes.TENANTS_READ)).isTrue();
    }

    @Test
    void anMspAdminSeesItsPartnersTenantsOnlyAndAClientAdminItsOwn() {
        UUID own = UUID.randomUUID();
        Caller mspAdmin = new Caller("msp", null, Set.of(), "p1", null);
        Caller clientAdmin = new Caller("client", null, Set.of(), null, own);

        assertThat(mspAdmin.sees("p1", UUID.randomUUID())).isTrue();
        assertThat(mspAdmin.sees("p2", UUID.randomUUID())).isFalse();
        assertThat(mspAdmin.sees(null, UUID.randomUUID())).isFalse();
        assertThat(clientAdmin.sees("p1", own)).isTrue();
        assertThat(clientAdmin.sees("p1", UUID.randomUUID())).isFalse();
    }
}
