package org.tenantregistry.command.tenant;

import static org.tenantregistry.command.tenant.TenantMatchers.created;
import static org.tenantregistry.command.tenant.TenantMatchers.version;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantSettingsChanged;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.tenantregistry.command.tenant.Drafts.draft;
import static org.tenantregistry.command.tenant.TenantMatchers.invalidFields;
import static org.tenantregistry.command.tenant.Tenants.ID;
import static org.tenantregistry.command.tenant.Tenants.plainAcme;

/**
 * Every field rule of the Tenant table, through the aggregate: a create (or a PUT) that breaks one rule is refused
 * with exactly that field's key in {@code errors()}, and nothing is applied.
 */
class TenantFieldRulesTest {

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(new InMemoryTenantClaims());
        fixture.registerInjectableResource(new InMemoryTenantNumbers());
    }

    private void createIsRefused(Drafts draft, String... keys) {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft.build()))
                .expectException(InvalidTenantException.class)
                .expectException(invalidFields(keys))
                .expectNoEvents();
    }

    private void createIsAccepted(Drafts draft) {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft.build()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(version(1L));
    }

    private static TenantCreated acmeWith(String domain, String timezone, int maxExtensions, Map<String, Object> settings) {
        return new TenantCreated(ID, "Acme", "acme", domain, timezone, maxExtensions, settings, Branding.NONE,
                Profile.NONE, null, 1);
    }

    private static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    // name

    @Test
    void aMissingNameIsRefused() {
        createIsRefused(draft(null), "name");
    }

    @Test
    void aBlankNameIsRefused() {
        createIsRefused(draft(" \t "), "name");
    }

    @Test
    void aNameOf256CharactersIsRefused() {
        createIsRefused(draft("n".repeat(256)), "name");
    }

    @Test
    void aNameOf255CharactersIsAccepted() {
        createIsAccepted(draft("n".repeat(255)));
    }

    @Test
    void theNameLengthIsMeasuredAfterStripping() {
        createIsAccepted(draft("  " + "n".repeat(255) + "  "));
    }

    @Test
    void theRefusalSaysWhatIsWrongWithTheName() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("").build()))
                .expectExceptionMessage("invalid tenant fields: [name]");
        assertThatThrownBy(() -> TenantDraftValidator.validate(draft("").build()))
                .isInstanceOfSatisfying(InvalidTenantException.class, e -> assertThat(e.errors())
                        .containsExactly(Map.entry("name", "is required")));
    }

    @Test
    void aNulInTheNameIsRefused() {
        createIsRefused(draft("Acme\u0000"), "name");
    }

    @Test
    void aLineBreakInTheNameIsRefused() {
        createIsRefused(draft("Acme\nTelecom"), "name");
    }

    @Test
    void aLoneSurrogateInTheNameIsRefused() {
        createIsRefused(draft("Acme \ud800"), "name");
    }

    @Test
    void aNameMadeOnlyOfInvisibleCharactersIsRefused() {
        createIsRefused(draft("\u200b\u2060\ufeff"), "name");
        createIsRefused(draft("\u00a0\u3164"), "name");
        createIsRefused(draft("\u0301"), "name");
    }

    @Test
    void aNameWithAnInvisibleCharacterBesideVisibleOnesIsAccepted() {
        createIsAccepted(draft("Acme\u200dTelecom"));
    }

    @Test
    void aTextRuleIsReportedRatherThanTheFieldsOwnRule() {
        assertThatThrownBy(() -> TenantDraftValidator.validate(draft("Acme").timezone("UTC\u0000").build()))
                .isInstanceOfSatisfying(InvalidTenantException.class, e -> assertThat(e.errors().get("timezone"))
                        .isEqualTo("must be one line without control characters (U+0000 at character 4)"));
    }

    @Test
    void everySingleLineFieldRefusesControlCharacters() {
        createIsRefused(draft("Acme").slug("acme\u0000"), "slug");
        createIsRefused(draft("Acme").domain("acme.example.com\u0000"), "domain");
        createIsRefused(draft("Acme").partnerId("p\u0007"), "partner_id");
        createIsRefused(draft("Acme").branding(new Branding("https://cdn.example.com/\ud800", null, null)),
                "logo_url");
        createIsRefused(draft("Acme").profile(new Profile(null, null, "Ber\nlin", "10\t115", null)),
                "city", "post_code");
        createIsRefused(draft("Acme").status(org.tenantregistry.events.TenantStatus.SUSPENDED)
                .statusReason("unpaid\u001b[2J"), "status_reason");
    }

    @Test
    void theDescriptionAndTheAddressMayHoldTabsAndLineBreaks() {
        createIsAccepted(draft("Acme").profile(new Profile("Voice\n\tand data\r\n", "Hauptstrasse 1\n10115 Berlin",
                null, null, null)));
    }

    @Test
    void theDescriptionAndTheAddressRefuseOtherControlCharacters() {
        createIsRefused(draft("Acme").profile(new Profile("bell\u0007", "one\rtwo", null, null, null)),
                "description", "address");
    }

    @Test
    void textInsideTheSettingsIsCheckedToo() {
        createIsRefused(draft("Acme").settings(settings("motd", "\u0000")), "settings.motd");
        createIsRefused(draft("Acme").settings(settings("k\ud800", 1)), "settings");
    }

    @Test
    void aSuspensionReasonWithAControlCharacterIsRefused() {
        fixture.given(plainAcme())
                .when(new SuspendTenant(ID, null, "unpaid\u0000"))
                .expectException(invalidFields("reason"))
                .expectNoEvents();
    }

    @Test
    void aSlugChangeWithAControlCharacterIsRefusedAsText() {
        fixture.given(plainAcme())
                .when(new ChangeSlug(ID, null, "acme\u0085"))
                .expectException(invalidFields("slug"))
                .expectExceptionMessage("invalid tenant fields: [slug]")
                .expectNoEvents();
    }

    @Test
    void aCyrillicLookAlikeOfAReservedWordDerivesTheReservedWordsSlug() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("\u0410dmin").build()))
                .expectEvents(new TenantCreated(ID, "\u0410dmin", "admin-tenant", null, "UTC", 100, Map.of(),
                        Branding.NONE, Profile.NONE, null, 1));
    }

    // slug

    @Test
    void aSlugWithUpperCaseOrUnderscoresIsRefused() {
        createIsRefused(draft("Acme").slug("Acme_Corp"), "slug");
    }

    @Test
    void aSlugStartingOrEndingWithAHyphenIsRefused() {
        createIsRefused(draft("Acme").slug("-acme"), "slug");
        createIsRefused(draft("Acme").slug("acme-"), "slug");
    }

    @Test
    void anEmptySlugIsRefused() {
        createIsRefused(draft("Acme").slug("  "), "slug");
    }

    @Test
    void aReservedSlugIsRefused() {
        createIsRefused(draft("Acme").slug("admin"), "slug");
        createIsRefused(draft("Acme").slug("www"), "slug");
    }

    @Test
    void aSlugOf64CharactersIsRefused() {
        createIsRefused(draft("Acme").slug("a".repeat(64)), "slug");
    }

    @Test
    void aSlugOf63CharactersIsAccepted() {
        createIsAccepted(draft("Acme").slug("a".repeat(63)));
    }

    // domain

    @Test
    void aDomainThatIsNoFullyQualifiedNameIsRefused() {
        createIsRefused(draft("Acme").domain("localhost"), "domain");
        createIsRefused(draft("Acme").domain("not a domain"), "domain");
        createIsRefused(draft("Acme").domain("https://acme.example.com/"), "domain");
        createIsRefused(draft("Acme").domain("acme..example.com"), "domain");
        createIsRefused(draft("Acme").domain("acme.example.c0m"), "domain");
    }

    @Test
    void anUpperCaseDomainIsStoredInLowerCaseWithoutTheTrailingDot() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("Acme").domain(" Acme.Example.COM. ").build()))
                .expectEvents(acmeWith("acme.example.com", "UTC", 100, Map.of()));
    }

    @Test
    void anInternationalizedDomainIsStoredInPunycode() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("Acme").domain("Bücher.Example").build()))
                .expectEvents(acmeWith("xn--bcher-kva.example", "UTC", 100, Map.of()));
    }

    @Test
    void aBlankDomainMeansNoDomain() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("Acme").domain("   ").build()))
                .expectEvents(acmeWith(null, "UTC", 100, Map.of()));
    }

    @Test
    void invalidPunycodeAMixedScriptLookAlikeAndAPublicSuffixAreRefusedAsDomains() {
        createIsRefused(draft("Acme").domain("xn--zz.example.com"), "domain");
        createIsRefused(draft("Acme").domain("p\u0430ypal.com"), "domain");
        createIsRefused(draft("Acme").domain("co.uk"), "domain");
    }

    @Test
    void aDomainRefusalSaysWhy() {
        assertThatThrownBy(() -> TenantDraftValidator.validate(draft("Acme").domain("co.uk").build()))
                .isInstanceOfSatisfying(InvalidTenantException.class, e -> assertThat(e.errors().get("domain"))
                        .startsWith("'co.uk' is a public suffix"));
    }

    @Test
    void anInvalidDomainInAPutIsRefusedToo() {
        fixture.given(plainAcme())
                .when(new UpdateTenant(ID, null, draft("Acme").domain("acme_example.com").build()))
                .expectException(invalidFields("domain"))
                .expectNoEvents();
    }

    // timezone

    @Test
    void aTimezoneThatIsNoIanaIdIsRefused() {
        createIsRefused(draft("Acme").timezone("Mars/Olympus_Mons"), "timezone");
        createIsRefused(draft("Acme").timezone("CEST"), "timezone");
        createIsRefused(draft("Acme").timezone(""), "timezone");
    }

    @Test
    void aTimezoneLongerThan100CharactersIsRefused() {
        createIsRefused(draft("Acme").timezone("Europe/" + "x".repeat(94)), "timezone");
    }

    @Test
    void anIanaTimezoneIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("Acme").timezone("America/Argentina/Buenos_Aires").build()))
                .expectEvents(acmeWith(null, "America/Argentina/Buenos_Aires", 100, Map.of()));
    }

    // max_extensions

    @Test
    void zeroMaxExtensionsIsRefused() {
        createIsRefused(draft("Acme").maxExtensions(0), "max_extensions");
    }

    @Test
    void negativeMaxExtensionsIsRefused() {
        createIsRefused(draft("Acme").maxExtensions(-5), "max_extensions");
    }

    @Test
    void moreThanAMillionExtensionsIsRefused() {
        createIsRefused(draft("Acme").maxExtensions(1_000_001), "max_extensions");
    }

    @Test
    void oneExtensionIsEnough() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("Acme").maxExtensions(1).build()))
                .expectEvents(acmeWith(null, "UTC", 1, Map.of()));
    }

    // settings

    @Test
    void settingsLargerThan16KibAreRefused() {
        createIsRefused(draft("Acme").settings(settings("notes", "x".repeat(16 * 1024))), "settings");
    }

    @Test
    void settingsOfJustUnder16KibAreAccepted() {
        // {"notes":"xxx..."} is 12 bytes of JSON around the value
        createIsAccepted(draft("Acme").settings(settings("notes", "x".repeat(16 * 1024 - 12))));
    }

    @Test
    void unknownSettingsKeysAreKeptAsGiven() {
        Map<String, Object> given = settings("theme", "dark", "features", Map.of("beta", true), "limits", List.of(1, 2));
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(ID, draft("Acme").settings(given).build()))
                .expectEvents(acmeWith(null, "UTC", 100, given));
    }

    @Test
    void mfaRequiredMustBeABoolean() {
        createIsRefused(draft("Acme").settings(settings("mfa_required", "yes")), "settings.mfa_required");
        createIsRefused(draft("Acme").settings(settings("mfa_required", 1)), "settings.mfa_required");
    }

    @Test
    void mfaMethodsMustComeFromTheKnownSet() {
        createIsRefused(draft("Acme").settings(settings("mfa_methods", List.of("totp", "carrier-pigeon"))),
                "settings.mfa_methods");
    }

    @Test
    void mfaMethodsMustBeAList() {
        createIsRefused(draft("Acme").settings(settings("mfa_methods", "totp")), "settings.mfa_methods");
    }

    @Test
    void mfaMethodsWithANullEntryAreRefusedNotAnError() {
        createIsRefused(draft("Acme").settings(settings("mfa_methods", Arrays.asList("totp", null))),
                "settings.mfa_methods");
    }

    @Test
    void everyKnownMfaMethodIsAccepted() {
        createIsAccepted(draft("Acme").settings(settings("mfa_required", true,
                "mfa_methods", List.of("totp", "sms", "email", "webauthn"))));
    }

    @Test
    void sessionTimeoutMustBeFromOneMinuteToOneWeek() {
        createIsRefused(draft("Acme").settings(settings("session_timeout", 0)), "settings.session_timeout");
        createIsRefused(draft("Acme").settings(settings("session_timeout", 10_081)), "settings.session_timeout");
        createIsAccepted(draft("Acme").settings(settings("session_timeout", 10_080)));
    }

    @Test
    void sessionTimeoutMustBeAWholeNumber() {
        createIsRefused(draft("Acme").settings(settings("session_timeout", "30")), "settings.session_timeout");
        createIsRefused(draft("Acme").settings(settings("session_timeout", 30.5)), "settings.session_timeout");
    }

    @Test
    void passwordPolicyMustBeAnObject() {
        createIsRefused(draft("Acme").settings(settings("password_policy", "strong")), "settings.password_policy");
    }

    @Test
    void passwordPolicyMinLengthMustBeFrom8To128() {
        createIsRefused(draft("Acme").settings(settings("password_policy", Map.of("min_length", 7))),
                "settings.password_policy.min_length");
        createIsRefused(draft("Acme").settings(settings("password_policy", Map.of("min_length", 129))),
                "settings.password_policy.min_length");
        createIsRefused(draft("Acme").settings(settings("password_policy", Map.of("min_length", "12"))),
                "settings.password_policy.min_length");
        createIsAccepted(draft("Acme").settings(settings("password_policy", Map.of("min_length", 8))));
    }

    @Test
    void passwordPolicyFlagsMustBeBooleans() {
        createIsRefused(draft("Acme").settings(settings("password_policy", Map.of("require_digit", "yes"))),
                "settings.password_policy.require_digit");
    }

    @Test
    void everyBrokenSettingIsReportedUnderItsOwnKey() {
        createIsRefused(draft("Acme").settings(settings("mfa_required", "no", "mfa_methods", List.of("fax"),
                        "session_timeout", -1, "password_policy", Map.of("min_length", 3, "require_symbol", 1))),
                "settings.mfa_required", "settings.mfa_methods", "settings.session_timeout",
                "settings.password_policy.min_length", "settings.password_policy.require_symbol");
    }

    @Test
    void invalidSettingsInAPutAreRefused() {
        fixture.given(plainAcme())
                .when(new UpdateTenant(ID, null, draft("Acme").settings(settings("mfa_required", "true")).build()))
                .expectException(invalidFields("settings.mfa_required"))
                .expectNoEvents();
    }

    @Test
    void settingsThatDifferOnlyInNumberRepresentationEmitNothing() {
        // 30L and 30 are the same JSON: the canonical form makes them compare equal
        fixture.given(acmeWith(null, "UTC", 100, settings("session_timeout", 30)))
                .when(new UpdateTenant(ID, null, draft("Acme").settings(settings("session_timeout", 30L)).build()))
                .expectNoEvents();
    }

    @Test
    void changedSettingsCarryTheWholeNewObject() {
        fixture.given(acmeWith(null, "UTC", 100, settings("session_timeout", 30)))
                .when(new UpdateTenant(ID, null, draft("Acme").settings(settings("session_timeout", 60, "x", 1)).build()))
                .expectEvents(new TenantSettingsChanged(ID, settings("session_timeout", 60, "x", 1)));
    }

    // branding

    @Test
    void aLogoUrlOverPlainHttpIsRefused() {
        createIsRefused(draft("Acme").branding(new Branding("http://cdn.example.com/logo.png", null, null)),
                "logo_url");
    }

    @Test
    void aLogoUrlThatIsNoUrlIsRefused() {
        createIsRefused(draft("Acme").branding(new Branding("logo.png", null, null)), "logo_url");
        createIsRefused(draft("Acme").branding(new Branding("https://", null, null)), "logo_url");
        createIsRefused(draft("Acme").branding(new Branding("https://exa mple.com/x", null, null)),
                "logo_url");
    }

    @Test
    void aLogoUrlLongerThan2048CharactersIsRefused() {
        createIsRefused(draft("Acme").branding(new Branding("https://cdn.example.com/" + "l".repeat(2030), null, null)),
                "logo_url");
    }

    @Test
    void anAccentColourMustBeHashAndSixHexDigits() {
        createIsRefused(draft("Acme").branding(new Branding(null, "red", null)), "accent_color");
        createIsRefused(draft("Acme").branding(new Branding(null, "#12345", null)), "accent_color");
        createIsRefused(draft("Acme").branding(new Branding(null, "112233", null)), "accent_color");
        createIsRefused(draft("Acme").branding(new Branding(null, "#12345G", null)), "accent_color");
    }

    @Test
    void aCurrencyMustBeAnIso4217Code() {
        createIsRefused(draft("Acme").branding(new Branding(null, null, "EURO")), "currency");
        createIsRefused(draft("Acme").branding(new Branding(null, null, "eur")), "currency");
        createIsRefused(draft("Acme").branding(new Branding(null, null, "ABC")), "currency");
        createIsAccepted(draft("Acme").branding(new Branding(null, null, "CHF")));
    }

    // profile

    @Test
    void aCountryCodeMustBeIso3166Alpha2() {
        createIsRefused(draft("Acme").profile(new Profile(null, null, null, null, "XX")), "country_code");
        createIsRefused(draft("Acme").profile(new Profile(null, null, null, null, "de")), "country_code");
        createIsRefused(draft("Acme").profile(new Profile(null, null, null, null, "DEU")), "country_code");
        createIsAccepted(draft("Acme").profile(new Profile(null, null, null, null, "AT")));
    }

    @Test
    void profileTextsHaveMaximumLengths() {
        createIsRefused(draft("Acme").profile(new Profile("d".repeat(2001), "a".repeat(256), "c".repeat(101),
                "p".repeat(21), null)),
                "description", "address", "city", "post_code");
        createIsAccepted(draft("Acme").profile(new Profile("d".repeat(2000), "a".repeat(255), "c".repeat(100),
                "p".repeat(20), null)));
    }

    // partner_id

    @Test
    void aPartnerIdWithSpacesOrSlashesIsRefused() {
        createIsRefused(draft("Acme").partnerId("partner 7"), "partner_id");
        createIsRefused(draft("Acme").partnerId("partner/7"), "partner_id");
    }

    @Test
    void aPartnerIdLongerThan64CharactersIsRefused() {
        createIsRefused(draft("Acme").partnerId("p".repeat(65)), "partner_id");
        createIsAccepted(draft("Acme").partnerId("p".repeat(64)));
    }

    @Test
    void aPartnerIdMayUseDotsColonsUnderscoresAndHyphens() {
        createIsAccepted(draft("Acme").partnerId("msp:eu-west_1.partner"));
    }

    @Test
    void aDomainChangeInAPutIsNormalizedBeforeItIsCompared() {
        fixture.given(acmeWith("acme.example.com", "UTC", 100, Map.of()))
                .when(new UpdateTenant(ID, null, draft("Acme").domain("Bücher.Example").build()))
                .expectEvents(new TenantDomainChanged(ID, "acme.example.com", "xn--bcher-kva.example"));
    }
}
