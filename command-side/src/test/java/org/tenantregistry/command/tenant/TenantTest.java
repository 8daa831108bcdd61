package org.tenantregistry.command.tenant;

import static org.tenantregistry.command.tenant.TenantMatchers.created;
import static org.tenantregistry.command.tenant.TenantMatchers.version;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tenantregistry.command.tenant.Drafts.draft;
import static org.tenantregistry.command.tenant.TenantMatchers.invalidFields;
import static org.tenantregistry.command.tenant.TenantMatchers.taken;
import static org.tenantregistry.command.tenant.Tenants.ACME_BRANDING;
import static org.tenantregistry.command.tenant.Tenants.ACME_PROFILE;
import static org.tenantregistry.command.tenant.Tenants.ID;
import static org.tenantregistry.command.tenant.Tenants.OTHER_TENANT;
import static org.tenantregistry.command.tenant.Tenants.acmeSettings;

/** Creating a tenant: defaults, the derived or given slug, claims, and a status in the body. */
class TenantTest {

    private final InMemoryTenantClaims claims = new InMemoryTenantClaims();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryTenantNumbers());
    }

    private static TenantCreated createdWithDefaults(String name, String slug) {
        return new TenantCreated(ID, name, slug, null, "UTC", 100, Map.of(), Branding.NONE, Profile.NONE, null, 1);
    }

    private static CreateTenant create(Drafts draft) {
        return new CreateTenant(ID, draft.build());
    }

    @Test
    void aTenantCreatedWithOnlyANameGetsTheDefaultsAndIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme Corp")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(createdWithDefaults("Acme Corp", "acme-corp"))
                .expectResultMessagePayloadMatching(created("acme-corp", 1L));
    }

    @Test
    void theDerivedSlugIsClaimedForTheNewTenant() {
        fixture.givenNoPriorActivity().when(create(draft("Acme Corp"))).expectSuccessfulHandlerExecution();

        assertThat(claims.holderOf(Kind.SLUG, "acme-corp")).contains(ID);
    }

    @Test
    void theNameIsStrippedOfSurroundingWhitespace() {
        fixture.givenNoPriorActivity()
                .when(create(draft("  Acme Corp \t")))
                .expectEvents(createdWithDefaults("Acme Corp", "acme-corp"));
    }

    @Test
    void theSlugDerivedFromANameWithAccentsIsPlainAscii() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Müller & Söhne GmbH")))
                .expectEvents(createdWithDefaults("Müller & Söhne GmbH", "muller-sohne-gmbh"));
    }

    @Test
    void aNameThatIsAReservedWordDerivesANonReservedSlug() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Admin")))
                .expectEvents(createdWithDefaults("Admin", "admin-tenant"));
    }

    @Test
    void aNameWithoutLettersOrDigitsDerivesTheSlugTenant() {
        fixture.givenNoPriorActivity()
                .when(create(draft("★★★")))
                .expectEvents(createdWithDefaults("★★★", "tenant"));
    }

    @Test
    void aNameInAnotherScriptDerivesItsLatinTransliteration() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Москва")))
                .expectEvents(createdWithDefaults("Москва", "moskva"));
    }

    @Test
    void aDerivedSlugThatIsTakenGetsTheSuffixTwo() {
        claims.heldBy(Kind.SLUG, "acme", OTHER_TENANT);

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme")))
                .expectEvents(createdWithDefaults("Acme", "acme-2"));
        assertThat(claims.holderOf(Kind.SLUG, "acme-2")).contains(ID);
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(OTHER_TENANT);
    }

    @Test
    void aDerivedSlugThatIsQuarantinedCountsAsTaken() {
        claims.quarantinedFor(Kind.SLUG, "acme", OTHER_TENANT);

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme")))
                .expectEvents(createdWithDefaults("Acme", "acme-2"));
    }

    @Test
    void theNextFreeNumberIsUsedWhenSeveralAreTaken() {
        claims.heldBy(Kind.SLUG, "acme", OTHER_TENANT).heldBy(Kind.SLUG, "acme-2", OTHER_TENANT);

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme")))
                .expectEvents(createdWithDefaults("Acme", "acme-3"));
    }

    @Test
    void whenAllNumberedSlugsAreTakenTheSuffixComesFromTheTenantId() {
        claims.heldBy(Kind.SLUG, "acme", OTHER_TENANT);
        for (int n = 2; n <= 10; n++) {
            claims.heldBy(Kind.SLUG, "acme-" + n, OTHER_TENANT);
        }

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme")))
                .expectEvents(createdWithDefaults("Acme", "acme-3f2a9c"));
    }

    @Test
    void whenEveryCandidateSlugIsTakenTheCreateIsRefused() {
        claims.heldBy(Kind.SLUG, "acme", OTHER_TENANT).heldBy(Kind.SLUG, "acme-3f2a9c", OTHER_TENANT);
        for (int n = 2; n <= 10; n++) {
            claims.heldBy(Kind.SLUG, "acme-" + n, OTHER_TENANT);
        }

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme")))
                .expectException(taken("slug"))
                .expectNoEvents();
    }

    @Test
    void anExplicitSlugIsUsedAsGivenAndClaimed() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme Corp").slug("acme-eu")))
                .expectEvents(createdWithDefaults("Acme Corp", "acme-eu"))
                .expectResultMessagePayloadMatching(created("acme-eu", 1L));
        assertThat(claims.holderOf(Kind.SLUG, "acme-eu")).contains(ID);
        assertThat(claims.holderOf(Kind.SLUG, "acme-corp")).isEmpty();
    }

    @Test
    void anExplicitSlugHeldByAnotherTenantIsRefused() {
        claims.heldBy(Kind.SLUG, "acme", OTHER_TENANT);

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").slug("acme")))
                .expectException(IdentifierTakenException.class)
                .expectException(taken("slug"))
                .expectNoEvents();
    }

    @Test
    void anExplicitSlugStillQuarantinedAfterAnotherTenantReleasedItIsRefused() {
        claims.quarantinedFor(Kind.SLUG, "acme", OTHER_TENANT);

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").slug("acme")))
                .expectException(taken("slug"))
                .expectExceptionMessage("slug 'acme' is taken by another tenant or still quarantined after its release")
                .expectNoEvents();
    }

    @Test
    void theDomainIsNormalizedAndClaimed() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").domain("Acme.Example.COM")))
                .expectEvents(new TenantCreated(ID, "Acme", "acme", "acme.example.com", "UTC", 100, Map.of(),
                        Branding.NONE, Profile.NONE, null, 1));
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).contains(ID);
    }

    @Test
    void aDomainHeldByAnotherTenantIsRefused() {
        claims.heldBy(Kind.DOMAIN, "acme.example.com", OTHER_TENANT);

        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").domain("acme.example.com")))
                .expectException(taken("domain"))
                .expectNoEvents();
    }

    @Test
    void everyGivenFieldIsCarriedByTenantCreatedInNormalizedForm() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").slug("acme").domain("ACME.example.com").timezone("Europe/Berlin")
                        .maxExtensions(50).settings(acmeSettings())
                        .branding(new Branding(" https://cdn.example.com/acme.png ", "#112233", "EUR"))
                        .profile(new Profile("Rockets and anvils", "1 Desert Road", "Berlin", "10115", "DE"))
                        .partnerId(" partner-7 ")))
                .expectEvents(Tenants.fullAcme())
                .expectResultMessagePayloadMatching(created("acme", 1L));
    }

    @Test
    void anAccentColourIsStoredInUpperCaseAndBlankBrandingAndProfileFieldsAsAbsent() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").branding(new Branding("  ", "#a1b2c3", ""))
                        .profile(new Profile(" ", null, "Berlin", "", null))))
                .expectEvents(new TenantCreated(ID, "Acme", "acme", null, "UTC", 100, Map.of(),
                        new Branding(null, "#A1B2C3", null), new Profile(null, null, "Berlin", null, null), null, 1));
    }

    @Test
    void aStatusOfActiveInTheBodyAddsNoEvent() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").status(TenantStatus.ACTIVE)))
                .expectEvents(createdWithDefaults("Acme", "acme"))
                .expectResultMessagePayloadMatching(created("acme", 1L));
    }

    @Test
    void aTenantCreatedSuspendedIsCreatedAndThenSuspendedForTheGivenReason() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").status(TenantStatus.SUSPENDED).statusReason("  unpaid invoices ")))
                .expectEvents(createdWithDefaults("Acme", "acme"), new TenantSuspended(ID, "unpaid invoices"))
                .expectResultMessagePayloadMatching(created("acme", 2L));
    }

    @Test
    void aTenantCreatedSuspendedWithoutAReasonIsSuspendedWithoutOneAsTheReplacedApisDo() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").status(TenantStatus.SUSPENDED).statusReason("   ")))
                .expectEvents(createdWithDefaults("Acme", "acme"), new TenantSuspended(ID, null));
    }

    @Test
    void aTenantCreatedDeactivatedAppliesPassiveMemberStatusByDefault() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").status(TenantStatus.DEACTIVATED)))
                .expectEvents(createdWithDefaults("Acme", "acme"), new TenantDeactivated(ID, MemberStatus.PASSIVE));
    }

    @Test
    void aTenantCreatedDeactivatedAppliesTheGivenMemberStatus() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").status(TenantStatus.DEACTIVATED).userStatus(MemberStatus.BANNED)))
                .expectEvents(createdWithDefaults("Acme", "acme"), new TenantDeactivated(ID, MemberStatus.BANNED))
                .expectResultMessagePayloadMatching(created("acme", 2L));
    }

    @Test
    void aTenantCreatedDeletedIsCreatedAndThenSoftDeletedFromActive() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").status(TenantStatus.DELETED)))
                .expectEvents(createdWithDefaults("Acme", "acme"), new TenantDeleted(ID, TenantStatus.ACTIVE));
    }

    @Test
    void everyBrokenRuleIsReportedInOneAnswer() {
        fixture.givenNoPriorActivity()
                .when(create(draft(" ").slug("Not A Slug").domain("nope").timezone("Mars/Olympus").maxExtensions(0)
                        .settings(Map.of("mfa_required", "yes"))
                        .branding(new Branding("http://cdn.example.com/x.png", "red", "EURO"))
                        .profile(new Profile(null, null, null, null, "XX")).partnerId("has spaces")))
                .expectException(invalidFields("name", "slug", "domain", "timezone", "max_extensions",
                        "settings.mfa_required", "logo_url", "accent_color", "currency",
                        "country_code", "partner_id"))
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.SLUG, "tenant")).isEmpty();
    }

    @Test
    void anInvalidCreateClaimsNothing() {
        fixture.givenNoPriorActivity()
                .when(create(draft("Acme").domain("acme.example.com").timezone("Nowhere/Special")))
                .expectException(invalidFields("timezone"));

        assertThat(claims.holderOf(Kind.SLUG, "acme")).isEmpty();
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).isEmpty();
    }
}
