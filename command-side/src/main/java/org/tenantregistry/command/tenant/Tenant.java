package org.tenantregistry.command.tenant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.tenantregistry.command.domain.DomainRechecks;
import org.tenantregistry.command.domain.Domains;
import org.tenantregistry.command.resource.Resources;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.TenantActivated;
import org.tenantregistry.events.TenantBrandingChanged;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantPartnerChanged;
import org.tenantregistry.events.TenantProfileChanged;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantSettingsChanged;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.events.TenantTimezoneChanged;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant, event-sourced. Command handlers check the rules and apply events; only the event sourcing handlers
 * change state. Every handler answers with the {@link TenantState} it left, so that a write's answer is the whole
 * record.
 */
@Aggregate(snapshotTriggerDefinition = "tenantSnapshotTrigger")
// Raised with every change of the fields: snapshots of another revision are passed over and the tenant is loaded from
// its events (revision 2: the number, the times and the resources; 3: the custom domains).
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Tenant {

    @AggregateIdentifier
    private UUID tenantId;
    private Integer number;
    private String slug;
    private TenantDetails details;
    private TenantStatus status;
    private String suspensionReason;
    private MemberStatus memberStatus;
    private TenantStatus statusBeforeDeletion;
    @AggregateMember
    private TenantTimes times = new TenantTimes();
    @AggregateMember
    private Resources resources;
    @AggregateMember
    private Domains domains = new Domains();

    protected Tenant() {
        // for Axon: state comes from the events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public TenantState handle(CreateTenant command, TenantClaims claims, TenantNumbers numbers,
                              @MetaDataValue(CommandMetadata.CALLER_PARTNER) String callerPartner) {
        ValidDraft draft = TenantDraftValidator.validate(PartnerBoundary.forCreate(command.draft(), callerPartner));
        UUID id = command.tenantId();
        TenantDetails d = draft.details();
        String newSlug = draft.slug();
        if (newSlug != null && d.domain() != null) {
            claims.claimSlugAndDomain(newSlug, d.domain(), id);
        } else {
            if (newSlug != null) {
                claims.claim(Kind.SLUG, newSlug, id);
            } else {
                newSlug = deriveSlug(d.name(), id, claims);
            }
            if (d.domain() != null) {
                claims.claim(Kind.DOMAIN, d.domain(), id);
            }
        }
        apply(new TenantCreated(id, d.name(), newSlug, d.domain(), d.timezone(), d.maxExtensions(), d.settings(),
                d.branding(), d.profile(), d.partnerId(), numbers.allocate(id)));
        if (draft.statusChange() != null) {
            moveTo(draft.statusChange());
        }
        return state();
    }

    /**
     * Every command on an existing tenant: an MSP admin's token reaches only its partner's tenants, and leaves them
     * with that partner. A change that would hand the tenant over fails after its handler ran; its events are then
     * rolled back with the unit of work.
     */
    @CommandHandlerInterceptor
    public Object withinTheCallersPartner(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        String callerPartner = (String) command.getMetaData().get(CommandMetadata.CALLER_PARTNER);
        if (callerPartner == null || tenantId == null) {
            return chain.proceed();
        }
        PartnerBoundary.requireVisible(callerPartner, tenantId, details.partnerId());
        Object result = chain.proceed();
        PartnerBoundary.requireKept(callerPartner, details.partnerId());
        return result;
    }

    @CommandHandler
    public TenantState handle(UpdateTenant command, TenantClaims claims) {
        requireVersion(command.expectedVersion());
        return update(command.draft(), claims);
    }

    @CommandHandler
    public TenantState handle(PatchTenant command, TenantClaims claims) {
        requireVersion(command.expectedVersion());
        requireNotDeleted("update");
        return update(TenantMergePatch.apply(asDraft(), command.patch()), claims);
    }

    @CommandHandler
    public TenantState handle(ChangeSettings command, TenantClaims claims) {
        requireVersion(command.expectedVersion());
        requireNotDeleted("change the settings of");
        Map<String, String> refused = command.refusedFields();
        if (!refused.isEmpty()) {
            // every fault at once: the settings' own too, as a patch of them alone would report them
            try {
                TenantDraftValidator.validate(TenantMergePatch.apply(asDraft(), command.settingsPart()));
            } catch (InvalidTenantException invalid) {
                invalid.errors().forEach(refused::putIfAbsent);
            }
            throw new InvalidTenantException(refused);
        }
        return update(TenantMergePatch.apply(asDraft(), command.patch()), claims);
    }

    @CommandHandler
    public TenantState handle(ChangeSlug command, TenantClaims claims) {
        requireVersion(command.expectedVersion());
        requireNotDeleted("change the slug of");
        String newSlug = command.slug() == null ? "" : command.slug().strip();
        String problem = TextRules.problemWithLine(newSlug) != null ? TextRules.problemWithLine(newSlug)
                : Slugs.problemWith(newSlug);
        if (problem != null) {
            throw InvalidTenantException.of("slug", problem);
        }
        changeSlug(newSlug, claims);
        return state();
    }

    @CommandHandler
    public TenantState handle(SuspendTenant command) {
        requireVersion(command.expectedVersion());
        if (command.reason() == null || command.reason().isBlank()) {
            throw InvalidTenantException.of("reason", "is required to suspend a tenant");
        }
        String problem = TextRules.problemWithLine(command.reason().strip());
        if (problem != null) {
            throw InvalidTenantException.of("reason", problem);
        }
        moveTo(new StatusChange(TenantStatus.SUSPENDED, command.reason().strip(), null));
        return state();
    }

    @CommandHandler
    public TenantState handle(ReactivateTenant command) {
        requireVersion(command.expectedVersion());
        requireStatus(TenantStatus.SUSPENDED, "reactivate");
        apply(new TenantReactivated(tenantId));
        return state();
    }

    @CommandHandler
    public TenantState handle(DeactivateTenant command) {
        requireVersion(command.expectedVersion());
        if (command.userStatus() == null) {
            throw InvalidTenantException.of("user_status", "is required: 0 passive, 1 active or 2 banned");
        }
        moveTo(new StatusChange(TenantStatus.DEACTIVATED, null, command.userStatus()));
        return state();
    }

    @CommandHandler
    public TenantState handle(ActivateTenant command) {
        requireVersion(command.expectedVersion());
        requireStatus(TenantStatus.DEACTIVATED, "activate");
        apply(new TenantActivated(tenantId));
        return state();
    }

    @CommandHandler
    public TenantState handle(DeleteTenant command) {
        requireVersion(command.expectedVersion());
        // DELETE is idempotent: a retry of a delete that went through succeeds and changes nothing.
        if (status != TenantStatus.DELETED) {
            apply(new TenantDeleted(tenantId, status));
        }
        return state();
    }

    @CommandHandler
    public TenantState handle(RestoreTenant command) {
        requireVersion(command.expectedVersion());
        requireStatus(TenantStatus.DELETED, "restore");
        apply(new TenantRestored(tenantId, statusBeforeDeletion));
        return state();
    }

    @CommandHandler
    public TenantState handle(PurgeTenant command, TenantClaims claims, DomainRechecks rechecks) {
        requireVersion(command.expectedVersion());
        if (status != TenantStatus.DELETED) {
            apply(new TenantDeleted(tenantId, status));
        }
        claims.release(Kind.SLUG, slug, tenantId);
        if (details.domain() != null) {
            claims.release(Kind.DOMAIN, details.domain(), tenantId);
        }
        resources.releaseClaims(tenantId, claims);
        domains.releaseAll(tenantId, claims, rechecks);
        apply(new TenantPurged(tenantId));
        return state();
    }

    private TenantState update(TenantDraft draft, TenantClaims claims) {
        requireNotDeleted("update");
        ValidDraft valid = TenantDraftValidator.validate(draft);
        if (valid.slug() != null && !valid.slug().equals(slug)) {
            changeSlug(valid.slug(), claims);
        }
        TenantDetails next = valid.details();
        resources.requireExtensionsWithin(next.maxExtensions());
        if (!Objects.equals(next.domain(), details.domain())) {
            if (next.domain() != null) {
                claims.claim(Kind.DOMAIN, next.domain(), tenantId);
            }
            // the old primary domain may also be one of the custom domains, which keep their claim
            if (details.domain() != null && !domains.holds(details.domain())) {
                claims.release(Kind.DOMAIN, details.domain(), tenantId);
            }
        }
        details.changesTowards(next, tenantId).forEach(AggregateLifecycle::apply);
        if (valid.statusChange() != null && valid.statusChange().target() != status) {
            moveTo(valid.statusChange());
        }
        return state();
    }

    /** The lifecycle as older clients drive it: through the {@code status} field of a create, PUT or PATCH. */
    private void moveTo(StatusChange change) {
        switch (change.target()) {
            case ACTIVE -> {
                switch (status) {
                    case SUSPENDED -> apply(new TenantReactivated(tenantId));
                    case DEACTIVATED -> apply(new TenantActivated(tenantId));
                    case DELETED -> throw new IllegalTransitionException(status, "activate");
                    case ACTIVE -> { // already there
                    }
                }
            }
            case SUSPENDED -> {
                requireStatus(TenantStatus.ACTIVE, "suspend");
                // The replaced APIs suspend through status alone (seed 000): the reason is optional here, required
                // only by the suspend endpoint of our own.
                apply(new TenantSuspended(tenantId, change.reason()));
            }
            case DEACTIVATED -> {
                requireStatus(TenantStatus.ACTIVE, "deactivate");
                apply(new TenantDeactivated(tenantId, change.userStatus()));
            }
            case DELETED -> {
                requireNotDeleted("delete");
                apply(new TenantDeleted(tenantId, status));
            }
        }
    }

    private void changeSlug(String newSlug, TenantClaims claims) {
        if (newSlug.equals(slug)) {
            return;
        }
        claims.claim(Kind.SLUG, newSlug, tenantId);
        claims.release(Kind.SLUG, slug, tenantId);
        apply(new TenantSlugChanged(tenantId, slug, newSlug));
    }

    private static String deriveSlug(String name, UUID id, TenantClaims claims) {
        List<String> candidates = Slugs.candidatesFor(name, id);
        return claims.claimFirstFree(Kind.SLUG, candidates, id)
                .orElseThrow(() -> new IdentifierTakenException("slug", candidates.get(candidates.size() - 1)));
    }

    private TenantDraft asDraft() {
        return new TenantDraft(details.name(), slug, details.domain(), details.timezone(), details.maxExtensions(),
                details.settings(), details.branding(), details.profile(), details.partnerId(), status,
                suspensionReason, memberStatus);
    }

    private void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version()) {
            throw new StaleVersionException(expectedVersion, version());
        }
    }

    private void requireStatus(TenantStatus required, String action) {
        if (status != required) {
            throw new IllegalTransitionException(status, action);
        }
    }

    private void requireNotDeleted(String action) {
        if (status == TenantStatus.DELETED) {
            throw new IllegalTransitionException(status, action);
        }
    }

    /** What every handler answers; {@link TenantStates} reads it without a command. */
    TenantState state() {
        return new TenantState(tenantId, number, slug, details, status, suspensionReason, memberStatus,
                times.createdAt(), times.updatedAt(), times.deletedAt(), resources.usage(), domains.all(), version());
    }

    private static long version() {
        return AggregateLifecycle.getVersion() + 1;
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        tenantId = event.tenantId();
        number = event.number();
        slug = event.slug();
        details = new TenantDetails(event.name(), event.domain(), event.timezone(), event.maxExtensions(),
                event.settings(), event.branding(), event.profile(), event.partnerId());
        status = TenantStatus.ACTIVE;
        resources = new Resources(event.maxExtensions());
    }

    @EventSourcingHandler
    void on(TenantRenamed event) {
        details = details.withName(event.newName());
    }

    @EventSourcingHandler
    void on(TenantSlugChanged event) {
        slug = event.newSlug();
    }

    @EventSourcingHandler
    void on(TenantDomainChanged event) {
        details = details.withDomain(event.newDomain());
    }

    @EventSourcingHandler
    void on(PrimaryDomainChanged event) {
        details = details.withDomain(event.newDomain());
    }

    @EventSourcingHandler
    void on(TenantTimezoneChanged event) {
        details = details.withTimezone(event.newTimezone());
    }

    @EventSourcingHandler
    void on(TenantMaxExtensionsChanged event) {
        details = details.withMaxExtensions(event.newMaxExtensions());
    }

    @EventSourcingHandler
    void on(TenantSettingsChanged event) {
        details = details.withSettings(event.settings());
    }

    @EventSourcingHandler
    void on(TenantBrandingChanged event) {
        details = details.withBranding(event.branding());
    }

    @EventSourcingHandler
    void on(TenantProfileChanged event) {
        details = details.withProfile(event.profile());
    }

    @EventSourcingHandler
    void on(TenantPartnerChanged event) {
        details = details.withPartnerId(event.newPartnerId());
    }

    @EventSourcingHandler
    void on(TenantSuspended event) {
        status = TenantStatus.SUSPENDED;
        suspensionReason = event.reason();
    }

    @EventSourcingHandler
    void on(TenantReactivated event) {
        status = TenantStatus.ACTIVE;
        suspensionReason = null;
    }

    @EventSourcingHandler
    void on(TenantDeactivated event) {
        status = TenantStatus.DEACTIVATED;
        memberStatus = event.userStatus();
    }

    @EventSourcingHandler
    void on(TenantActivated event) {
        status = TenantStatus.ACTIVE;
        memberStatus = null;
    }

    @EventSourcingHandler
    void on(TenantDeleted event) {
        statusBeforeDeletion = event.previousStatus();
        status = TenantStatus.DELETED;
    }

    @EventSourcingHandler
    void on(TenantRestored event) {
        status = event.status();
        statusBeforeDeletion = null;
    }

    @EventSourcingHandler
    void on(TenantPurged event) {
        AggregateLifecycle.markDeleted();
    }
}
