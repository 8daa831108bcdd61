package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.Profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every field rule of the Tenant table in one place; the aggregate asks it before it applies anything. Fields are
 * named as the flat REST representation names them, and the rules are worded as Laravel words them, because the
 * clients of the replaced APIs show these sentences to their users ({@code The name field is required.}).
 */
final class TenantDraftValidator {

    static final String DEFAULT_TIMEZONE = "UTC";
    static final int DEFAULT_MAX_EXTENSIONS = 100;

    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_TIMEZONE_LENGTH = 100;
    private static final int MAX_EXTENSIONS_LIMIT = 1_000_000;
    private static final Pattern ACCENT_COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern PARTNER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private TenantDraftValidator() {
    }

    static ValidDraft validate(TenantDraft draft) {
        FieldErrors errors = new FieldErrors();
        checkText(draft, errors); // first: a field's own rule must not be the one to meet a NUL or a lone surrogate
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            errors.reject("name", "is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.reject("name", "must not be greater than " + MAX_NAME_LENGTH + " characters");
        } else if (!TextRules.hasVisibleCharacter(name)) {
            errors.reject("name", "must contain a visible character, not only white space or invisible ones");
        }
        String slug = draft.slug() == null ? null : draft.slug().strip();
        if (slug != null && Slugs.problemWith(slug) != null) {
            errors.reject("slug", Slugs.problemWith(slug));
        }
        String domain = null;
        if (draft.domain() != null && !draft.domain().isBlank() && !errors.has("domain")) {
            domain = DomainNames.normalize(draft.domain()).orElse(null);
            if (domain == null) {
                errors.reject("domain", DomainNames.problemWith(draft.domain()));
            }
        }
        String timezone = draft.timezone() == null ? DEFAULT_TIMEZONE : draft.timezone();
        if (timezone.length() > MAX_TIMEZONE_LENGTH || !ZONES.contains(timezone)) {
            errors.reject("timezone", "must be an IANA time zone such as Europe/Berlin");
        }
        int maxExtensions = draft.maxExtensions() == null ? DEFAULT_MAX_EXTENSIONS : draft.maxExtensions();
        if (maxExtensions < 1 || maxExtensions > MAX_EXTENSIONS_LIMIT) {
            errors.reject("max_extensions", "must be from 1 to " + MAX_EXTENSIONS_LIMIT);
        }
        String partnerId = blankToNull(draft.partnerId());
        if (partnerId != null && !PARTNER_ID.matcher(partnerId).matches()) {
            errors.reject("partner_id", "must be 1 to 64 letters, digits or . _ : -");
        }
        var settings = SettingsRules.check(draft.settings(), errors);
        Branding branding = checkBranding(draft.branding() == null ? Branding.NONE : draft.branding(), errors);
        Profile profile = checkProfile(draft.profile() == null ? Profile.NONE : draft.profile(), errors);
        StatusChange statusChange = draft.status() == null ? null : new StatusChange(draft.status(),
                blankToNull(draft.statusReason()), draft.userStatus() == null ? MemberStatus.PASSIVE : draft.userStatus());
        errors.throwIfAny();
        return new ValidDraft(slug, new TenantDetails(name, domain, timezone, maxExtensions, settings, branding,
                profile, partnerId), statusChange);
    }

    /** Every text field of the draft; settings check their own keys and values. */
    private static void checkText(TenantDraft draft, FieldErrors errors) {
        TextRules.checkLine("name", draft.name(), errors);
        TextRules.checkLine("slug", draft.slug(), errors);
        TextRules.checkLine("domain", draft.domain(), errors);
        TextRules.checkLine("timezone", draft.timezone(), errors);
        TextRules.checkLine("partner_id", draft.partnerId(), errors);
        TextRules.checkLine("status_reason", draft.statusReason(), errors);
        if (draft.branding() != null) {
            TextRules.checkLine("logo_url", draft.branding().logoUrl(), errors);
            TextRules.checkLine("accent_color", draft.branding().accentColor(), errors);
            TextRules.checkLine("currency", draft.branding().currency(), errors);
        }
        if (draft.profile() != null) {
            TextRules.checkText("description", draft.profile().description(), errors);
            TextRules.checkText("address", draft.profile().address(), errors);
            TextRules.checkLine("city", draft.profile().city(), errors);
            TextRules.checkLine("post_code", draft.profile().postCode(), errors);
            TextRules.checkLine("country_code", draft.profile().countryCode(), errors);
        }
    }

    private static Branding checkBranding(Branding branding, FieldErrors errors) {
        String logoUrl = blankToNull(branding.logoUrl());
        if (logoUrl != null && !isHttpsUrl(logoUrl)) {
            errors.reject("logo_url", "must be an https URL of at most 2048 characters");
        }
        String accentColor = blankToNull(branding.accentColor());
        if (accentColor != null && !ACCENT_COLOR.matcher(accentColor).matches()) {
            errors.reject("accent_color", "must be a colour as #RRGGBB");
        }
        String currency = blankToNull(branding.currency());
        if (currency != null && !isCurrency(currency)) {
            errors.reject("currency", "must be an ISO 4217 currency code such as EUR");
        }
        return new Branding(logoUrl, accentColor == null ? null : accentColor.toUpperCase(Locale.ROOT), currency);
    }

    private static Profile checkProfile(Profile profile, FieldErrors errors) {
        checkLength("description", profile.description(), 2000, errors);
        checkLength("address", profile.address(), 255, errors);
        checkLength("city", profile.city(), 100, errors);
        checkLength("post_code", profile.postCode(), 20, errors);
        String countryCode = blankToNull(profile.countryCode());
        if (countryCode != null && !COUNTRIES.contains(countryCode)) {
            errors.reject("country_code", "is invalid. It must be ISO 3166-1 alpha-2 country code");
        }
        return new Profile(blankToNull(profile.description()), blankToNull(profile.address()),
                blankToNull(profile.city()), blankToNull(profile.postCode()), countryCode);
    }

    private static void checkLength(String field, String value, int max, FieldErrors errors) {
        if (value != null && value.length() > max) {
            errors.reject(field, "must not be greater than " + max + " characters");
        }
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return value.length() <= 2048 && "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
