package org.tenantregistry.command.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.InMemoryTenantClaims;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.PatchTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.Tenant;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.CustomDomainRemoved;
import org.tenantregistry.events.CustomDomainTokenRenewed;
import org.tenantregistry.events.CustomDomainVerificationFailed;
import org.tenantregistry.events.CustomDomainVerificationLost;
import org.tenantregistry.events.CustomDomainVerified;
import org.tenantregistry.events.DnsCheck;
import org.tenantregistry.events.DnsCheckOutcome;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's custom domains: which names it may add, how DNS proves them, and how they are lost and removed. */
class DomainsTest {

    private static final UUID TENANT = UUID.fromString("3f2a9c10-7b4e-4d1a-9c2f-5e6d7a8b9c01");
    private static final UUID OTHER_TENANT = UUID.fromString("b1d2e3f4-0000-4000-8000-000000000002");
    private static final UUID DOMAIN = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    private static final UUID SECOND_DOMAIN = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(7));
    private static final String TOKEN = "trv-0123456789abcdef0123456789abcdef";
    private static final String NEW_TOKEN = "trv-fedcba9876543210fedcba9876543210";
    private static final String HOST = "acme.tenants.example";
    private static final DomainProperties PROPERTIES = new DomainProperties("tenants.example", List.of(),
            Duration.ofSeconds(1), Duration.ofDays(7), 2, Duration.ofHours(24), Duration.ofMinutes(1), 3);

    private final InMemoryTenantClaims claims = new InMemoryTenantClaims();
    private final InMemoryDomainRechecks rechecks = new InMemoryDomainRechecks();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(rechecks);
        fixture.registerInjectableResource(PROPERTIES);
        fixture.givenCurrentTime(NOW);
    }

    private static TenantCreated created(String primaryDomain) {
        return new TenantCreated(TENANT, "Acme", "acme", primaryDomain, "UTC", 10, Map.of(), Branding.NONE,
                Profile.NONE, null, null);
    }

    private static AddCustomDomain add(String domain) {
        return new AddCustomDomain(TENANT, DOMAIN, domain, TOKEN, NOW);
    }

    private static CustomDomainAdded added(UUID id, String domain) {
        return new CustomDomainAdded(TENANT, id, domain, TOKEN, EXPIRY);
    }

    private static VerifyDomain verify(DnsAnswer cname, DnsAnswer txt) {
        return new VerifyDomain(TENANT, DOMAIN, new DnsObservation(cname, txt), NOW.plus(Duration.ofHours(1)),
                NEW_TOKEN);
    }

    private static DnsAnswer none() {
        return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN);
    }

    private static CustomDomainVerified verified(String domain) {
        return new CustomDomainVerified(TENANT, DOMAIN, domain, passingCheck(domain));
    }

    private static DnsCheck passingCheck(String domain) {
        return DomainChecks.judge(domain, HOST, TOKEN, new DnsObservation(DnsAnswer.answered(List.of(HOST)), none()));
    }

    private static DnsCheck failingCheck(String domain) {
        return DomainChecks.judge(domain, HOST, TOKEN, new DnsObservation(none(), none()));
    }

    private static Matcher<Object> answered(Predicate<DomainState> test) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object payload) {
                return payload instanceof DomainState state && test.test(state);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the domain as expected");
            }
        };
    }

    private static Matcher<InvalidTenantException> fieldError(String field, String message) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTenantException e) {
                return message.equals(e.errors().get(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid " + field + ": " + message);
            }
        };
    }

    // adding

    @Test
    void anAddedDomainIsPendingWithItsTokenValidForTheConfiguredTime() {
        fixture.given(created(null))
                .when(add("Assets.Acme.COM."))
                .expectEvents(added(DOMAIN, "assets.acme.com"))
                .expectResultMessagePayloadMatching(answered(state -> !state.domain().verified()
                        && state.domain().token().equals(TOKEN) && state.cnameTarget().equals(HOST)
                        && state.version() == 2));
        assertThat(claims.holderOf(Kind.DOMAIN, "assets.acme.com")).contains(TENANT);
    }

    @Test
    void anInternationalDomainIsStoredInItsAsciiForm() {
        fixture.given(created(null))
                .when(add("bücher.example.de"))
                .expectEvents(added(DOMAIN, "xn--bcher-kva.example.de"));
    }

    @Test
    void anIpAddressIsNoDomain() {
        for (String address : List.of("192.0.2.10", "[2001:db8::1]", "2001:db8::1")) {
            fixture.given(created(null))
                    .when(add(address))
                    .expectException(fieldError("domain", "must be a domain name, not an IP address"))
                    .expectNoEvents();
        }
    }

    @Test
    void aPublicSuffixOrANameInvalidUnderIdna2008IsRefused() {
        fixture.given(created(null)).when(add("co.uk")).expectException(InvalidTenantException.class)
                .expectNoEvents();
        fixture.given(created(null)).when(add("github.io")).expectException(InvalidTenantException.class)
                .expectNoEvents();
        fixture.given(created(null)).when(add("a..b.com")).expectException(InvalidTenantException.class)
                .expectNoEvents();
        fixture.given(created(null)).when(add("-bad-.example.com")).expectException(InvalidTenantException.class)
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.DOMAIN, "co.uk")).isEmpty();
    }

    @Test
    void thePlatformsOwnDomainAndNamesUnderItAreRefused() {
        fixture.given(created(null)).when(add("tenants.example")).expectException(InvalidTenantException.class)
                .expectNoEvents();
        fixture.given(created(null)).when(add("other.tenants.example"))
                .expectException(InvalidTenantException.class).expectNoEvents();
    }

    @Test
    void aDomainAnotherTenantHoldsOrReleasedRecentlyIsTaken() {
        claims.heldBy(Kind.DOMAIN, "assets.acme.com", OTHER_TENANT);
        fixture.given(created(null)).when(add("assets.acme.com"))
                .expectException(IdentifierTakenException.class).expectNoEvents();
        claims.quarantinedFor(Kind.DOMAIN, "old.acme.com", OTHER_TENANT);
        fixture.given(created(null)).when(add("old.acme.com"))
                .expectException(IdentifierTakenException.class).expectNoEvents();
    }

    @Test
    void theQuotaCapsTheDomainsOfATenant() {
        fixture.given(created(null), added(DOMAIN, "a.acme.com"), added(SECOND_DOMAIN, "b.acme.com"))
                .when(new AddCustomDomain(TENANT, UUID.randomUUID(), "c.acme.com", TOKEN, NOW))
                .expectException(DomainQuotaExceededException.class)
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.DOMAIN, "c.acme.com")).isEmpty();
    }

    @Test
    void addingADomainTheTenantHasChangesNothing() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"))
                .when(new AddCustomDomain(TENANT, SECOND_DOMAIN, "assets.acme.com", NEW_TOKEN, NOW))
                .expectNoEvents();
    }

    @Test
    void addingADomainWhoseTokenExpiredGivesItANewToken() {
        Instant later = EXPIRY.plusSeconds(1);
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"))
                .when(new AddCustomDomain(TENANT, SECOND_DOMAIN, "assets.acme.com", NEW_TOKEN, later))
                .expectEvents(new CustomDomainTokenRenewed(TENANT, DOMAIN, "assets.acme.com", NEW_TOKEN,
                        later.plus(Duration.ofDays(7))));
    }

    @Test
    void aDeletedTenantAddsNoDomain() {
        fixture.given(created(null), new TenantDeleted(TENANT, TenantStatus.ACTIVE))
                .when(add("assets.acme.com"))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    // verifying

    @Test
    void aCnameToTheTenantsHostVerifiesTheDomainAndSchedulesItsRecheck() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"))
                .when(verify(DnsAnswer.answered(List.of(HOST)), none()))
                .expectEvents(verified("assets.acme.com"));
        assertThat(rechecks.dueAt(DOMAIN)).contains(NOW.plus(Duration.ofHours(25)));
    }

    @Test
    void aTxtRecordHoldingTheTokenVerifiesTheDomain() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"))
                .when(verify(DnsAnswer.of(DnsAnswer.Status.NO_DATA), DnsAnswer.answered(List.of("other", TOKEN))))
                .expectEvents(new CustomDomainVerified(TENANT, DOMAIN, "assets.acme.com", new DnsCheck(HOST,
                        List.of(), "_tenant-registry.assets.acme.com", List.of("other", TOKEN),
                        DnsCheckOutcome.VERIFIED, "_tenant-registry.assets.acme.com holds the verification token")))
                .expectResultMessagePayloadMatching(answered(state -> state.domain().verified()));
    }

    @Test
    void theCnameMustPointToTheCurrentSlug() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), new TenantSlugChanged(TENANT, "acme", "acme2"))
                .when(verify(DnsAnswer.answered(List.of(HOST)), none()))
                .expectEvents(new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                        DomainChecks.judge("assets.acme.com", "acme2.tenants.example", TOKEN,
                                new DnsObservation(DnsAnswer.answered(List.of(HOST)), none())), 1));
    }

    @Test
    void aFailedCheckSaysWhatItSawAndLeavesTheDomainPending() {
        DnsCheck wrongTarget = DomainChecks.judge("assets.acme.com", HOST, TOKEN,
                new DnsObservation(DnsAnswer.answered(List.of("elsewhere.example.net")), none()));
        assertThat(wrongTarget.outcome()).isEqualTo(DnsCheckOutcome.WRONG_TARGET);
        assertThat(wrongTarget.detail()).contains("elsewhere.example.net").contains(HOST);
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"))
                .when(verify(DnsAnswer.answered(List.of("elsewhere.example.net")), none()))
                .expectEvents(new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com", wrongTarget, 1));
        assertThat(rechecks.dueAt(DOMAIN)).isEmpty();
    }

    @Test
    void anExpiredTokenVerifiesNothing() {
        fixture.given(created(null), new CustomDomainAdded(TENANT, DOMAIN, "assets.acme.com", TOKEN, NOW))
                .when(verify(DnsAnswer.answered(List.of(HOST)), none()))
                .expectException(DomainTokenExpiredException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownDomainIsNotFound() {
        fixture.given(created(null))
                .when(verify(DnsAnswer.answered(List.of(HOST)), none()))
                .expectException(DomainNotFoundException.class);
    }

    // re-checking

    @Test
    void aPassingRecheckOfAHealthyDomainWritesNothing() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"))
                .when(verify(DnsAnswer.answered(List.of(HOST)), none()))
                .expectNoEvents();
        assertThat(rechecks.dueAt(DOMAIN)).isPresent();
    }

    @Test
    void aVerifiedDomainStaysVerifiedThroughFewerFailuresThanTheLimit() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"),
                        new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                                failingCheck("assets.acme.com"), 1))
                .when(verify(none(), none()))
                .expectEvents(new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                        failingCheck("assets.acme.com"), 2));
        assertThat(rechecks.dueAt(DOMAIN)).isPresent();
    }

    @Test
    void aVerifiedDomainIsLostWhenTheLimitOfFailuresInARowIsReached() {
        rechecks.scheduleAt(TENANT, DOMAIN, NOW);
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"),
                        new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                                failingCheck("assets.acme.com"), 1),
                        new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                                failingCheck("assets.acme.com"), 2))
                .when(verify(none(), none()))
                .expectEvents(new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                                failingCheck("assets.acme.com"), 3),
                        new CustomDomainVerificationLost(TENANT, DOMAIN, "assets.acme.com", 3, NEW_TOKEN,
                                NOW.plus(Duration.ofHours(1)).plus(Duration.ofDays(7))));
        assertThat(rechecks.dueAt(DOMAIN)).isEmpty();
    }

    @Test
    void aPassingCheckAfterFailuresRecordsTheRecovery() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"),
                        new CustomDomainVerificationFailed(TENANT, DOMAIN, "assets.acme.com",
                                failingCheck("assets.acme.com"), 1))
                .when(verify(DnsAnswer.answered(List.of(HOST)), none()))
                .expectEvents(verified("assets.acme.com"));
    }

    // primary and removal

    @Test
    void onlyAVerifiedDomainBecomesPrimary() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"))
                .when(new SetPrimaryDomain(TENANT, DOMAIN))
                .expectException(DomainStateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aVerifiedDomainBecomesPrimaryAndTheOldPrimaryIsReleased() {
        claims.claim(Kind.DOMAIN, "acme.example.org", TENANT);
        fixture.given(created("acme.example.org"), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"))
                .when(new SetPrimaryDomain(TENANT, DOMAIN))
                .expectEvents(new PrimaryDomainChanged(TENANT, DOMAIN, "acme.example.org", "assets.acme.com"));
        assertThat(claims.isQuarantined(Kind.DOMAIN, "acme.example.org")).isTrue();
    }

    @Test
    void thePrimaryDomainCannotBeRemoved() {
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"),
                        new PrimaryDomainChanged(TENANT, DOMAIN, null, "assets.acme.com"))
                .when(new RemoveCustomDomain(TENANT, DOMAIN))
                .expectException(DomainStateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void movingThePrimaryDomainAwayFromACustomDomainKeepsItsClaim() {
        claims.claim(Kind.DOMAIN, "assets.acme.com", TENANT);
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"),
                        new PrimaryDomainChanged(TENANT, DOMAIN, null, "assets.acme.com"))
                .when(new PatchTenant(TENANT, null, Map.of("domain", "www.acme.com")))
                .expectEvents(new TenantDomainChanged(TENANT, "assets.acme.com", "www.acme.com"));
        assertThat(claims.holderOf(Kind.DOMAIN, "assets.acme.com")).contains(TENANT);
    }

    @Test
    void aRemovedDomainIsQuarantinedAndNoLongerRechecked() {
        claims.claim(Kind.DOMAIN, "assets.acme.com", TENANT);
        rechecks.scheduleAt(TENANT, DOMAIN, NOW);
        fixture.given(created(null), added(DOMAIN, "assets.acme.com"), verified("assets.acme.com"))
                .when(new RemoveCustomDomain(TENANT, DOMAIN))
                .expectEvents(new CustomDomainRemoved(TENANT, DOMAIN, "assets.acme.com"));
        assertThat(claims.isQuarantined(Kind.DOMAIN, "assets.acme.com")).isTrue();
        assertThat(rechecks.dueAt(DOMAIN)).isEmpty();
    }

    @Test
    void aPurgeReleasesEveryDomainOfTheTenant() {
        claims.claim(Kind.SLUG, "acme", TENANT);
        claims.claim(Kind.DOMAIN, "a.acme.com", TENANT);
        claims.claim(Kind.DOMAIN, "b.acme.com", TENANT);
        rechecks.scheduleAt(TENANT, DOMAIN, NOW);
        fixture.given(created(null), added(DOMAIN, "a.acme.com"), added(SECOND_DOMAIN, "b.acme.com"),
                        new TenantDeleted(TENANT, TenantStatus.ACTIVE))
                .when(new PurgeTenant(TENANT, null))
                .expectEvents(new TenantPurged(TENANT));
        assertThat(claims.isQuarantined(Kind.DOMAIN, "a.acme.com")).isTrue();
        assertThat(claims.isQuarantined(Kind.DOMAIN, "b.acme.com")).isTrue();
        assertThat(rechecks.dueAt(DOMAIN)).isEmpty();
    }
}
