package org.tenantregistry.command.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * A tenant as a client writes it: the body of a create or a PUT, and the document a PATCH is merged into. Nothing
 * here is trusted; {@link TenantDraftValidator} turns it into {@link TenantDetails} or per-field errors.
 *
 * @param slug         null: derived from the name on create, kept on update
 * @param status       null: {@code active} on create, kept on update; otherwise the lifecycle transition to make
 * @param statusReason why a tenant is suspended; required with {@code status=suspended}
 * @param userStatus   what a deactivation applies to the members; {@code passive} when not given
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantDraft(
        String name,
        String slug,
        String domain,
        String timezone,
        Integer maxExtensions,
        Map<String, Object> settings,
        Branding branding,
        Profile profile,
        String partnerId,
        TenantStatus status,
        String statusReason,
        MemberStatus userStatus) {

    TenantDraft withPartnerId(String newPartnerId) {
        return new TenantDraft(name, slug, domain, timezone, maxExtensions, settings, branding, profile, newPartnerId,
                status, statusReason, userStatus);
    }
}
