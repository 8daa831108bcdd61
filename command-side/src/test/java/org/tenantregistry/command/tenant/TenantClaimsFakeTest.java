package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;
import org.tenantregistry.command.tenant.TenantClaims.Kind;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory claims the aggregate tests use behave as {@link TenantClaims} promises. */
class TenantClaimsFakeTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private final InMemoryTenantClaims claims = new InMemoryTenantClaims();

    @Test
    void aValueHeldByAnotherTenantCannotBeClaimed() {
        claims.claim(Kind.SLUG, "acme", A);
        assertThatThrownBy(() -> claims.claim(Kind.SLUG, "acme", B))
                .isInstanceOfSatisfying(IdentifierTakenException.class, e -> assertThat(e.field()).isEqualTo("slug"));
    }

    @Test
    void theHolderMayClaimAgain() {
        claims.claim(Kind.DOMAIN, "acme.example.com", A);
        claims.claim(Kind.DOMAIN, "acme.example.com", A);
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).contains(A);
    }

    @Test
    void slugsAndDomainsAreSeparateNamespaces() {
        claims.claim(Kind.SLUG, "acme", A);
        claims.claim(Kind.DOMAIN, "acme", B);
        assertThat(claims.holderOf(Kind.DOMAIN, "acme")).contains(B);
    }

    @Test
    void aReleasedValueIsQuarantinedForOthersButNotForItsFormerHolder() {
        claims.claim(Kind.SLUG, "acme", A);
        claims.release(Kind.SLUG, "acme", A);
        assertThatThrownBy(() -> claims.claim(Kind.SLUG, "acme", B)).isInstanceOf(IdentifierTakenException.class);
        claims.claim(Kind.SLUG, "acme", A);
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(A);
        assertThat(claims.isQuarantined(Kind.SLUG, "acme")).isFalse();
    }

    @Test
    void aTenantCannotReleaseWhatAnotherHolds() {
        claims.claim(Kind.SLUG, "acme", A);
        claims.release(Kind.SLUG, "acme", B);
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(A);
    }

    @Test
    void claimFirstFreeClaimsTheFirstCandidateNobodyElseHolds() {
        claims.claim(Kind.SLUG, "acme", B);
        claims.quarantinedFor(Kind.SLUG, "acme-2", B);
        assertThat(claims.claimFirstFree(Kind.SLUG, List.of("acme", "acme-2", "acme-3", "acme-4"), A))
                .contains("acme-3");
        assertThat(claims.holderOf(Kind.SLUG, "acme-3")).contains(A);
        assertThat(claims.holderOf(Kind.SLUG, "acme-4")).isEmpty();
    }

    @Test
    void claimFirstFreeIsEmptyWhenEveryCandidateIsTaken() {
        claims.claim(Kind.SLUG, "acme", B);
        assertThat(claims.claimFirstFree(Kind.SLUG, List.of("acme"), A)).isEmpty();
    }
}
