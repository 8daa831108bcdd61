package org.tenantregistry.events;

import java.util.UUID;

/**
 * A fact about one tenant, named in the past tense. The permitted records are the whole vocabulary of the contract.
 */
public sealed interface TenantEvent permits
        TenantCreated,
        TenantRenamed,
        TenantSlugChanged,
        TenantDomainChanged,
        TenantTimezoneChanged,
        TenantMaxExtensionsChanged,
        TenantSettingsChanged,
        TenantBrandingChanged,
        TenantProfileChanged,
        TenantPartnerChanged,
        TenantSuspended,
        TenantReactivated,
        TenantDeactivated,
        TenantActivated,
        TenantDeleted,
        TenantRestored,
        TenantPurged,
        ExtensionRegistered,
        ExtensionReleased,
        DidRegistered,
        DidReleased,
        QueueRegistered,
        QueueReleased,
        RateRegistered,
        RateReleased,
        UserAdded,
        UserRemoved,
        CustomDomainAdded,
        CustomDomainTokenRenewed,
        CustomDomainVerified,
        CustomDomainVerificationFailed,
        CustomDomainVerificationLost,
        CustomDomainRemoved,
        PrimaryDomainChanged {

    UUID tenantId();
}
