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
import org.tenantregistry.events.TenantActivated;
import org.tenantregistry.events.TenantBrandingChanged;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantPartnerChanged;
import org.tenantregistry.events.TenantProfileChanged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantSettingsChanged;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.events.TenantTimezoneChanged;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tenantregistry.command.tenant.Drafts.draft;
import static org.tenantregistry.command.tenant.TenantMatchers.illegalTransitionFrom;
import static org.tenantregistry.command.tenant.TenantMatchers.invalidFields;
import static org.tenantregistry.command.tenant.TenantMatchers.staleAgainst;
import static org.tenantregistry.command.tenant.TenantMatchers.taken;
import static org.tenantregistry.command.tenant.Tenants.ACME_BRANDING;
import static org.tenantregistry.command.tenant.Tenants.ACME_PROFILE;
import static org.tenantregistry.command.tenant.Tenants.ID;
import static org.tenantregistry.command.tenant.Tenants.OTHER_TENANT;
import static org.tenantregistry.command.tenant.Tenants.claimsOf;
import static org.tenantregistry.command.tenant.Tenants.fullAcme;
import static org.tenantregistry.command.tenant.Tenants.fullAcmeDraft;
import static org.tenantregistry.command.tenant.Tenants.plainAcme;

/** Changing a tenant: PUT (replace), PATCH (merge), ChangeSlug, the claims they move, and optimistic concurrency. */
class TenantUpdateTest {

    private final InMemoryTenantClaims claims = new InMemoryTenantClaims();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryTenantNumbers());
    }

    private static UpdateTenant put(Drafts draft) {
        return new UpdateTenant(ID, null, draft.build());
    }

    private static PatchTenant patch(Object... keysAndValues) {
        return new PatchTenant(ID, null, map(keysAndValues));
    }

    /** A mutable map that, unlike Map.of, may hold nulls: a merge patch uses null to remove. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // PUT

    @Test
    void aPutThatChangesNothingEmitsNothingAndAnswersTheCurrentVersion() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme(), new TenantRenamed(ID, "Acme", "Acme"))
                .when(put(fullAcmeDraft()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(version(2L));
    }

    @Test
    void aPutThatOnlyRenamesEmitsOnlyTenantRenamed() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(put(fullAcmeDraft().name("Acme Rockets")))
                .expectEvents(new TenantRenamed(ID, "Acme", "Acme Rockets"))
                .expectResultMessagePayloadMatching(version(2L));
    }

    @Test
    void aPutThatChangesEveryFieldEmitsOneEventPerField() {
        claimsOf(claims, plainAcme());
        Branding branding = new Branding("https://cdn.example.com/new.png", "#ABCDEF", "USD");
        Profile profile = new Profile("New", null, "Vienna", null, "AT");
        fixture.given(plainAcme())
                .when(put(draft("Acme Rockets").slug("rockets").domain("rockets.example.com")
                        .timezone("Europe/Vienna").maxExtensions(20).settings(Map.of("mfa_required", false))
                        .branding(branding).profile(profile).partnerId("partner-9").status(TenantStatus.SUSPENDED)
                        .statusReason("audit")))
                .expectEvents(
                        new TenantSlugChanged(ID, "acme", "rockets"),
                        new TenantRenamed(ID, "Acme", "Acme Rockets"),
                        new TenantDomainChanged(ID, null, "rockets.example.com"),
                        new TenantTimezoneChanged(ID, "UTC", "Europe/Vienna"),
                        new TenantMaxExtensionsChanged(ID, 100, 20),
                        new TenantSettingsChanged(ID, Map.of("mfa_required", false)),
                        new TenantBrandingChanged(ID, branding),
                        new TenantProfileChanged(ID, profile),
                        new TenantPartnerChanged(ID, null, "partner-9"),
                        new TenantSuspended(ID, "audit"))
                .expectResultMessagePayloadMatching(version(11L));
    }

    @Test
    void fieldsLeftOutOfAPutRevertToTheirDefaults() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(put(draft("Acme")))
                .expectEvents(
                        new TenantDomainChanged(ID, "acme.example.com", null),
                        new TenantTimezoneChanged(ID, "Europe/Berlin", "UTC"),
                        new TenantMaxExtensionsChanged(ID, 50, 100),
                        new TenantSettingsChanged(ID, Map.of()),
                        new TenantBrandingChanged(ID, Branding.NONE),
                        new TenantProfileChanged(ID, Profile.NONE),
                        new TenantPartnerChanged(ID, "partner-7", null))
                .expectResultMessagePayloadMatching(version(8L));
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).isEmpty();
        assertThat(claims.isQuarantined(Kind.DOMAIN, "acme.example.com")).isTrue();
    }

    @Test
    void aPutWithoutASlugKeepsTheSlugAndTheStatus() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(put(draft("Acme").timezone("Europe/Paris")))
                .expectEvents(new TenantTimezoneChanged(ID, "UTC", "Europe/Paris"));
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(ID);
    }

    @Test
    void aPutWithANewSlugChangesTheSlugAndMovesTheClaim() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(put(draft("Acme").slug("acme-eu")))
                .expectEvents(new TenantSlugChanged(ID, "acme", "acme-eu"));
        assertThat(claims.holderOf(Kind.SLUG, "acme-eu")).contains(ID);
        assertThat(claims.isQuarantined(Kind.SLUG, "acme")).isTrue();
    }

    @Test
    void aPutWithTheCurrentSlugEmitsNothing() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(put(draft("Acme").slug("acme")))
                .expectNoEvents();
    }

    @Test
    void aPutWithASlugHeldByAnotherTenantIsRefused() {
        claimsOf(claims, plainAcme()).heldBy(Kind.SLUG, "acme-eu", OTHER_TENANT);
        fixture.given(plainAcme())
                .when(put(draft("Acme Rockets").slug("acme-eu")))
                .expectException(taken("slug"))
                .expectNoEvents();
    }

    @Test
    void aPutWithInvalidFieldsIsRefusedAndChangesNothing() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(put(draft("").slug("admin").domain("new.example.com")))
                .expectException(invalidFields("name", "slug"))
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.DOMAIN, "new.example.com")).isEmpty();
    }

    @Test
    void aPutWithTheCurrentDomainInUpperCaseEmitsNothing() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(put(fullAcmeDraft().domain("ACME.Example.com")))
                .expectNoEvents();
    }

    @Test
    void changingTheDomainClaimsTheNewOneAndReleasesTheOldOne() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(put(fullAcmeDraft().domain("rockets.example.com")))
                .expectEvents(new TenantDomainChanged(ID, "acme.example.com", "rockets.example.com"))
                .expectResultMessagePayloadMatching(version(2L));
        assertThat(claims.holderOf(Kind.DOMAIN, "rockets.example.com")).contains(ID);
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).isEmpty();
        assertThat(claims.isQuarantined(Kind.DOMAIN, "acme.example.com")).isTrue();
    }

    @Test
    void aDomainHeldByAnotherTenantIsRefusedAndTheOldDomainIsKept() {
        claimsOf(claims, fullAcme()).heldBy(Kind.DOMAIN, "rockets.example.com", OTHER_TENANT);
        fixture.given(fullAcme())
                .when(put(fullAcmeDraft().domain("rockets.example.com")))
                .expectException(taken("domain"))
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).contains(ID);
    }

    @Test
    void aTenantMayTakeBackTheDomainItReleased() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(put(fullAcmeDraft().domain("rockets.example.com")))
                .expectSuccessfulHandlerExecution();
        fixture.given(fullAcme(), new TenantDomainChanged(ID, "acme.example.com", "rockets.example.com"))
                .when(put(fullAcmeDraft().domain("acme.example.com")))
                .expectEvents(new TenantDomainChanged(ID, "rockets.example.com", "acme.example.com"));
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).contains(ID);
    }

    @Test
    void aPutWithStatusSuspendedSuspendsTheTenant() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(put(draft("Acme").status(TenantStatus.SUSPENDED).statusReason("fraud check")))
                .expectEvents(new TenantSuspended(ID, "fraud check"));
    }

    @Test
    void aPutWithStatusSuspendedButNoReasonSuspendsWithoutOne() {
        fixture.given(plainAcme())
                .when(put(draft("Acme").status(TenantStatus.SUSPENDED)))
                .expectEvents(new TenantSuspended(ID, null));
    }

    @Test
    void aPutWithStatusActiveReactivatesASuspendedTenant() {
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(put(draft("Acme").status(TenantStatus.ACTIVE)))
                .expectEvents(new TenantReactivated(ID));
    }

    @Test
    void aPutWithStatusActiveActivatesADeactivatedTenant() {
        fixture.given(plainAcme(), new TenantDeactivated(ID, MemberStatus.PASSIVE))
                .when(put(draft("Acme").status(TenantStatus.ACTIVE)))
                .expectEvents(new TenantActivated(ID));
    }

    @Test
    void aPutWithTheCurrentStatusEmitsNothing() {
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(put(draft("Acme").status(TenantStatus.SUSPENDED).statusReason("another reason")))
                .expectNoEvents();
    }

    @Test
    void aPutWithStatusDeletedSoftDeletesTheTenant() {
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(put(draft("Acme").status(TenantStatus.DELETED)))
                .expectEvents(new TenantDeleted(ID, TenantStatus.SUSPENDED));
    }

    @Test
    void aPutCannotDeactivateASuspendedTenant() {
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(put(draft("Acme").status(TenantStatus.DEACTIVATED)))
                .expectException(IllegalTransitionException.class)
                .expectException(illegalTransitionFrom(TenantStatus.SUSPENDED))
                .expectExceptionMessage("cannot deactivate a tenant that is suspended")
                .expectNoEvents();
    }

    @Test
    void anIllegalTransitionInAPutAlsoDiscardsItsFieldChanges() {
        fixture.given(plainAcme(), new TenantDeactivated(ID, MemberStatus.PASSIVE))
                .when(put(draft("Acme Rockets").status(TenantStatus.SUSPENDED).statusReason("x")))
                .expectException(illegalTransitionFrom(TenantStatus.DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void aDeletedTenantCannotBeUpdated() {
        fixture.given(plainAcme(), new TenantDeleted(ID, TenantStatus.ACTIVE))
                .when(put(draft("Acme Rockets")))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectExceptionMessage("cannot update a tenant that is deleted")
                .expectNoEvents();
    }

    @Test
    void aPutWithTheCurrentExpectedVersionIsApplied() {
        fixture.given(plainAcme(), new TenantRenamed(ID, "Acme", "Acme Corp"))
                .when(new UpdateTenant(ID, 2L, draft("Acme Rockets").build()))
                .expectEvents(new TenantRenamed(ID, "Acme Corp", "Acme Rockets"))
                .expectResultMessagePayloadMatching(version(3L));
    }

    @Test
    void aPutWithAStaleExpectedVersionIsRefusedAndEmitsNothing() {
        fixture.given(plainAcme(), new TenantRenamed(ID, "Acme", "Acme Corp"))
                .when(new UpdateTenant(ID, 1L, draft("Acme Rockets").build()))
                .expectException(StaleVersionException.class)
                .expectException(staleAgainst(2L))
                .expectExceptionMessage("the tenant is at version 2, not 1")
                .expectNoEvents();
    }

    @Test
    void aPutWithAnExpectedVersionFromTheFutureIsRefused() {
        fixture.given(plainAcme())
                .when(new UpdateTenant(ID, 5L, draft("Acme Rockets").build()))
                .expectException(staleAgainst(1L))
                .expectNoEvents();
    }

    // PATCH

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("timezone", "Asia/Tokyo", "max_extensions", 75))
                .expectEvents(new TenantTimezoneChanged(ID, "Europe/Berlin", "Asia/Tokyo"),
                        new TenantMaxExtensionsChanged(ID, 50, 75))
                .expectResultMessagePayloadMatching(version(3L));
    }

    @Test
    void aPatchThatChangesNothingEmitsNothing() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("name", "Acme", "timezone", "Europe/Berlin", "currency", "EUR"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(version(1L));
    }

    @Test
    void anEmptyPatchEmitsNothing() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme(), new TenantSuspended(ID, "unpaid"))
                .when(patch())
                .expectNoEvents()
                .expectResultMessagePayloadMatching(version(2L));
    }

    @Test
    void aPatchOfOneBrandingFieldKeepsTheOthers() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("accent_color", "#00ff00"))
                .expectEvents(new TenantBrandingChanged(ID,
                        new Branding(ACME_BRANDING.logoUrl(), "#00FF00", ACME_BRANDING.currency())));
    }

    @Test
    void aPatchOfSomeProfileFieldsKeepsTheOthers() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("city", "Hamburg", "post_code", "20095"))
                .expectEvents(new TenantProfileChanged(ID, new Profile(ACME_PROFILE.description(),
                        ACME_PROFILE.address(), "Hamburg", "20095", ACME_PROFILE.countryCode())));
    }

    @Test
    void aPatchOfSettingsMergesIntoTheCurrentSettings() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("settings", map("theme", "light", "session_timeout", 45)))
                .expectEvents(new TenantSettingsChanged(ID,
                        Map.of("mfa_required", true, "theme", "light", "session_timeout", 45)));
    }

    @Test
    void nullInAPatchRemovesASettingsKey() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("settings", map("theme", null)))
                .expectEvents(new TenantSettingsChanged(ID, Map.of("mfa_required", true)));
    }

    @Test
    void nullInAPatchRemovesABrandingField() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("logo_url", null))
                .expectEvents(new TenantBrandingChanged(ID, new Branding(null, "#112233", "EUR")));
    }

    @Test
    void nullForTheSettingsResetsThemToEmpty() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("settings", null))
                .expectEvents(new TenantSettingsChanged(ID, Map.of()));
    }

    @Test
    void nullForThePartnerRemovesThePartner() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("partner_id", null))
                .expectEvents(new TenantPartnerChanged(ID, "partner-7", null));
    }

    @Test
    void nullForTheDomainRemovesItAndReleasesItsClaim() {
        claimsOf(claims, fullAcme());
        fixture.given(fullAcme())
                .when(patch("domain", null))
                .expectEvents(new TenantDomainChanged(ID, "acme.example.com", null));
        assertThat(claims.holderOf(Kind.DOMAIN, "acme.example.com")).isEmpty();
        assertThat(claims.isQuarantined(Kind.DOMAIN, "acme.example.com")).isTrue();
    }

    @Test
    void nullsInsideANewNestedSettingsObjectAreDropped() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(patch("settings", map("features", map("beta", true, "legacy", null))))
                .expectEvents(new TenantSettingsChanged(ID, Map.of("features", Map.of("beta", true))));
    }

    @Test
    void aPatchWithANullNameIsRefused() {
        fixture.given(plainAcme())
                .when(patch("name", null))
                .expectException(invalidFields("name"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAValueOfTheWrongTypeIsRefusedWithThatFieldsKey() {
        fixture.given(plainAcme())
                .when(patch("max_extensions", "many"))
                .expectException(invalidFields("max_extensions"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAFractionalMaxExtensionsIsRefusedNotTruncated() {
        fixture.given(plainAcme())
                .when(patch("max_extensions", 1.5))
                .expectException(invalidFields("max_extensions"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAStringForAnObjectIsRefusedWithThatFieldsKey() {
        fixture.given(plainAcme())
                .when(patch("branding", "red"))
                .expectException(invalidFields("branding"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAListForTheNameIsRefused() {
        fixture.given(plainAcme())
                .when(patch("name", List.of("Acme", "Corp")))
                .expectException(invalidFields("name"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAnUnknownStatusIsRefusedWithKeyStatus() {
        fixture.given(plainAcme())
                .when(patch("status", "archived"))
                .expectException(invalidFields("status"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAnUnknownFieldIsRefusedWithThatFieldsKey() {
        fixture.given(plainAcme())
                .when(patch("name", "Acme Rockets", "colour", "red"))
                .expectException(invalidFields("colour"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithTheNestedShapeOfOldIsRefusedAsUnknown() {
        fixture.given(plainAcme())
                .when(patch("branding", map("font", "Comic Sans")))
                .expectException(invalidFields("branding"))
                .expectNoEvents();
    }

    @Test
    void aPatchThatBreaksAFieldRuleIsRefusedWithThatFieldsKey() {
        fixture.given(plainAcme())
                .when(patch("accent_color", "red", "settings", map("mfa_required", "yes")))
                .expectException(invalidFields("accent_color", "settings.mfa_required"))
                .expectNoEvents();
    }

    @Test
    void aPatchWithASlugChangesTheSlug() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(patch("slug", "acme-eu"))
                .expectEvents(new TenantSlugChanged(ID, "acme", "acme-eu"));
    }

    @Test
    void aPatchOfASuspendedTenantKeepsItSuspended() {
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(patch("name", "Acme Rockets"))
                .expectEvents(new TenantRenamed(ID, "Acme", "Acme Rockets"));
    }

    @Test
    void aPatchOfADeactivatedTenantKeepsItDeactivated() {
        fixture.given(plainAcme(), new TenantDeactivated(ID, MemberStatus.BANNED))
                .when(patch("timezone", "Europe/Rome"))
                .expectEvents(new TenantTimezoneChanged(ID, "UTC", "Europe/Rome"));
    }

    @Test
    void aPatchWithStatusSuspendedAndAReasonSuspends() {
        fixture.given(plainAcme())
                .when(patch("status", "suspended", "status_reason", "chargeback"))
                .expectEvents(new TenantSuspended(ID, "chargeback"))
                .expectResultMessagePayloadMatching(version(2L));
    }

    @Test
    void aPatchWithStatusSuspendedButNoReasonSuspendsWithoutOneAsSeedZeroDoes() {
        fixture.given(plainAcme())
                .when(patch("status", "suspended"))
                .expectEvents(new TenantSuspended(ID, null));
    }

    @Test
    void aPatchWithStatusDeactivatedAppliesTheGivenMemberStatus() {
        fixture.given(plainAcme())
                .when(patch("status", "deactivated", "user_status", 2))
                .expectEvents(new TenantDeactivated(ID, MemberStatus.BANNED));
    }

    @Test
    void aPatchWithStatusActiveActivatesADeactivatedTenant() {
        fixture.given(plainAcme(), new TenantDeactivated(ID, MemberStatus.PASSIVE))
                .when(patch("status", "active"))
                .expectEvents(new TenantActivated(ID));
    }

    @Test
    void aPatchWithStatusActiveReactivatesASuspendedTenant() {
        fixture.given(plainAcme(), new TenantSuspended(ID, "unpaid"))
                .when(patch("status", "active"))
                .expectEvents(new TenantReactivated(ID));
    }

    @Test
    void aPatchCannotSuspendADeactivatedTenant() {
        fixture.given(plainAcme(), new TenantDeactivated(ID, MemberStatus.PASSIVE))
                .when(patch("status", "suspended", "status_reason", "x"))
                .expectException(illegalTransitionFrom(TenantStatus.DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void aDeletedTenantCannotBePatched() {
        fixture.given(plainAcme(), new TenantDeleted(ID, TenantStatus.ACTIVE))
                .when(patch("name", "Acme Rockets"))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void aDeletedTenantIsRefusedAsDeletedEvenWhenThePatchIsInvalidToo() {
        fixture.given(plainAcme(), new TenantDeleted(ID, TenantStatus.ACTIVE))
                .when(patch("max_extensions", "many"))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void aPatchWithAStaleExpectedVersionIsRefusedAndEmitsNothing() {
        fixture.given(plainAcme(), new TenantRenamed(ID, "Acme", "Acme Corp"))
                .when(new PatchTenant(ID, 1L, map("name", "Acme Rockets")))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
    }

    @Test
    void aPatchWithTheCurrentExpectedVersionIsApplied() {
        fixture.given(plainAcme(), new TenantRenamed(ID, "Acme", "Acme Corp"))
                .when(new PatchTenant(ID, 2L, map("name", "Acme Rockets")))
                .expectEvents(new TenantRenamed(ID, "Acme Corp", "Acme Rockets"))
                .expectResultMessagePayloadMatching(version(3L));
    }

    @Test
    void aPatchDoesNotChangeTheMapItWasGiven() {
        Map<String, Object> nested = new HashMap<>(Map.of("theme", "light"));
        Map<String, Object> body = map("settings", nested);
        fixture.given(fullAcme())
                .when(new PatchTenant(ID, null, body))
                .expectSuccessfulHandlerExecution();
        assertThat(body).containsExactly(Map.entry("settings", Map.of("theme", "light")));
    }

    // ChangeSlug

    @Test
    void changeSlugChangesTheSlugAndMovesTheClaim() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, 1L, "acme-rockets"))
                .expectEvents(new TenantSlugChanged(ID, "acme", "acme-rockets"))
                .expectResultMessagePayloadMatching(version(2L));
        assertThat(claims.holderOf(Kind.SLUG, "acme-rockets")).contains(ID);
        assertThat(claims.holderOf(Kind.SLUG, "acme")).isEmpty();
        assertThat(claims.isQuarantined(Kind.SLUG, "acme")).isTrue();
    }

    @Test
    void changeSlugStripsSurroundingWhitespace() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, " acme-rockets "))
                .expectEvents(new TenantSlugChanged(ID, "acme", "acme-rockets"));
    }

    @Test
    void changingToTheSameSlugEmitsNothing() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "acme"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(version(1L));
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(ID);
    }

    @Test
    void aSlugHeldByAnotherTenantIsRefused() {
        claimsOf(claims, plainAcme()).heldBy(Kind.SLUG, "rockets", OTHER_TENANT);
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "rockets"))
                .expectException(IdentifierTakenException.class)
                .expectException(taken("slug"))
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(ID);
    }

    @Test
    void aSlugQuarantinedForAnotherTenantIsRefused() {
        claimsOf(claims, plainAcme()).quarantinedFor(Kind.SLUG, "rockets", OTHER_TENANT);
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "rockets"))
                .expectException(taken("slug"))
                .expectNoEvents();
    }

    @Test
    void aTenantMayTakeBackTheSlugItReleased() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "rockets"))
                .expectSuccessfulHandlerExecution();
        fixture.given(plainAcme(), new TenantSlugChanged(ID, "acme", "rockets"))
                .when(new ChangeSlug(ID, 2L, "acme"))
                .expectEvents(new TenantSlugChanged(ID, "rockets", "acme"))
                .expectResultMessagePayloadMatching(version(3L));
        assertThat(claims.holderOf(Kind.SLUG, "acme")).contains(ID);
        assertThat(claims.isQuarantined(Kind.SLUG, "rockets")).isTrue();
    }

    @Test
    void anInvalidSlugIsRefusedWithKeySlug() {
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "Acme Rockets"))
                .expectException(invalidFields("slug"))
                .expectNoEvents();
    }

    @Test
    void aReservedSlugIsRefusedWithKeySlug() {
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "api"))
                .expectException(invalidFields("slug"))
                .expectExceptionMessage("invalid tenant fields: [slug]")
                .expectNoEvents();
    }

    @Test
    void aMissingSlugIsRefusedWithKeySlug() {
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, null))
                .expectException(invalidFields("slug"))
                .expectNoEvents();
    }

    @Test
    void theSlugOfADeletedTenantCannotBeChanged() {
        fixture.given(plainAcme(), new TenantDeleted(ID, TenantStatus.ACTIVE))
                .when(new ChangeSlug(ID, null, "rockets"))
                .expectException(illegalTransitionFrom(TenantStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void changeSlugWithAStaleExpectedVersionIsRefused() {
        claimsOf(claims, plainAcme());
        fixture.given(plainAcme(), new TenantRenamed(ID, "Acme", "Acme Corp"))
                .when(new ChangeSlug(ID, 1L, "rockets"))
                .expectException(staleAgainst(2L))
                .expectNoEvents();
        assertThat(claims.holderOf(Kind.SLUG, "rockets")).isEmpty();
    }
}
