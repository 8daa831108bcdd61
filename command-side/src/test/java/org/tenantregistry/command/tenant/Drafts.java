package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;

import java.util.Map;

/** A readable way to write a {@link TenantDraft}: {@code draft("Acme").slug("acme").timezone("Europe/Berlin")}. */
final class Drafts {

    private String name;
    private String slug;
    private String domain;
    private String timezone;
    private Integer maxExtensions;
    private Map<String, Object> settings;
    private Branding branding;
    private Profile profile;
    private String partnerId;
    private TenantStatus status;
    private String statusReason;
    private MemberStatus userStatus;

    private Drafts(String name) {
        this.name = name;
    }

    static Drafts draft(String name) {
        return new Drafts(name);
    }

    Drafts name(String value) {
        name = value;
        return this;
    }

    Drafts slug(String value) {
        slug = value;
        return this;
    }

    Drafts domain(String value) {
        domain = value;
        return this;
    }

    Drafts timezone(String value) {
        timezone = value;
        return this;
    }

    Drafts maxExtensions(Integer value) {
        maxExtensions = value;
        return this;
    }

    Drafts settings(Map<String, Object> value) {
        settings = value;
        return this;
    }

    Drafts branding(Branding value) {
        branding = value;
        return this;
    }

    Drafts profile(Profile value) {
        profile = value;
        return this;
    }

    Drafts partnerId(String value) {
        partnerId = value;
        return this;
    }

    Drafts status(TenantStatus value) {
        status = value;
        return this;
    }

    Drafts statusReason(String value) {
        statusReason = value;
        return this;
    }

    Drafts userStatus(MemberStatus value) {
        userStatus = value;
        return this;
    }

    TenantDraft build() {
        return new TenantDraft(name, slug, domain, timezone, maxExtensions, settings, branding, profile, partnerId,
                status, statusReason, userStatus);
    }
}
