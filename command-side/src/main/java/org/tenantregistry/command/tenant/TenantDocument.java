package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * A tenant as a client writes it, flat like every API the registry replaces: the body of a create or a PUT, and the
 * document a PATCH is merged into. {@link TenantDocumentReader} binds it field by field; {@link #toDraft()} gives the
 * command's {@link TenantDraft}.
 *
 * @param status     null: {@code active} on create, kept on update; otherwise the lifecycle transition to make
 * @param active     seed 003's switch: true activates or reactivates, false deactivates; it must agree with status
 * @param userStatus what a deactivation applies to the members; {@code passive} when not given
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantDocument(
        String name,
        String slug,
        String domain,
        String timezone,
        Integer maxExtensions,
        Map<String, Object> settings,
        String currency,
        String accentColor,
        String logoUrl,
        String description,
        String address,
        String city,
        String postCode,
        String countryCode,
        String partnerId,
        TenantStatus status,
        String statusReason,
        MemberStatus userStatus,
        Boolean active) {

    static TenantDocument of(TenantDraft draft) {
        Branding branding = draft.branding() == null ? Branding.NONE : draft.branding();
        Profile profile = draft.profile() == null ? Profile.NONE : draft.profile();
        return new TenantDocument(draft.name(), draft.slug(), draft.domain(), draft.timezone(), draft.maxExtensions(),
                draft.settings(), branding.currency(), branding.accentColor(), branding.logoUrl(),
                profile.description(), profile.address(), profile.city(), profile.postCode(), profile.countryCode(),
                draft.partnerId(), draft.status(), draft.statusReason(), draft.userStatus(), null);
    }

    /** The command's draft; {@code active} becomes the status it stands for (the reader checked they agree). */
    public TenantDraft toDraft() {
        TenantStatus target = status;
        if (target == null && active != null) {
            target = active ? TenantStatus.ACTIVE : TenantStatus.DEACTIVATED;
        }
        return new TenantDraft(name, slug, domain, timezone, maxExtensions, settings,
                new Branding(logoUrl, accentColor, currency),
                new Profile(description, address, city, postCode, countryCode),
                partnerId, target, statusReason, userStatus);
    }
}
