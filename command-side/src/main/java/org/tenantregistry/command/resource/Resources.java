package org.tenantregistry.command.resource;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.tenantregistry.command.resource.ResourceRules.Registration;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.TenantClaims;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.TenantActivated;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ledger of what a tenant owns, a member of its aggregate: every registration and release goes through the
 * tenant's own stream, so the quota and the uniqueness within the tenant hold under any concurrency (two racing
 * registrations cannot both append the same next event). It follows the tenant's status and extension quota from the
 * same events as the tenant itself, so that its rules need nothing from the root.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Resources {

    /** One held resource: its kind and the value unique within the tenant. */
    record Held(ResourceKind kind, String key) {
    }

    private Map<UUID, Held> held = new LinkedHashMap<>();
    private TenantStatus status = TenantStatus.ACTIVE;
    private int maxExtensions;

    Resources() {
        // for snapshots: state comes from the snapshot's fields
    }

    public Resources(int maxExtensions) {
        this.maxExtensions = maxExtensions;
    }

    @CommandHandler
    public RegisteredResource handle(RegisterResource command, TenantClaims claims, ResourceQuotas quotas) {
        ResourceKind kind = command.kind();
        if (status != TenantStatus.ACTIVE) {
            throw new IllegalTransitionException(status, "register " + kind.pathName() + " of");
        }
        TenantEvent event = ResourceRules.registration(command.tenantId(), command.resourceId(), kind,
                command.attributes());
        Registration registration = ResourceRules.registered(event).orElseThrow();
        if (held.values().contains(new Held(kind, registration.key()))) {
            throw new DuplicateResourceException(kind, registration.keyField(), registration.key());
        }
        int limit = kind == ResourceKind.EXTENSIONS ? maxExtensions : quotas.limitOf(kind).orElse(Integer.MAX_VALUE);
        if (count(kind) >= limit) {
            throw QuotaExceededException.registrationPast(kind, limit, count(kind));
        }
        if (kind == ResourceKind.DIDS) {
            claims.claim(Kind.DID, registration.key(), command.tenantId());
        }
        apply(event);
        return new RegisteredResource(command.resourceId(), kind, registration.attributes(), version());
    }

    @CommandHandler
    public long handle(ReleaseResource command, TenantClaims claims) {
        Held resource = held.get(command.resourceId());
        if (resource == null || resource.kind() != command.kind()) {
            throw new ResourceNotFoundException(command.kind(), command.resourceId());
        }
        if (resource.kind() == ResourceKind.DIDS) {
            claims.release(Kind.DID, resource.key(), command.tenantId());
        }
        apply(ResourceRules.release(command.tenantId(), command.kind(), command.resourceId()));
        return version();
    }

    /** The tenant's update path calls this before it changes {@code max_extensions}: raising is always allowed. */
    public void requireExtensionsWithin(int newMaxExtensions) {
        int usage = count(ResourceKind.EXTENSIONS);
        if (newMaxExtensions < usage) {
            throw QuotaExceededException.quotaBelowUsage(ResourceKind.EXTENSIONS, newMaxExtensions, usage);
        }
    }

    /** A purge frees the tenant's DID numbers (quarantined like its slug) for other tenants. */
    public void releaseClaims(UUID tenantId, TenantClaims claims) {
        held.values().stream().filter(resource -> resource.kind() == ResourceKind.DIDS)
                .forEach(did -> claims.release(Kind.DID, did.key(), tenantId));
    }

    public ResourceUsage usage() {
        return new ResourceUsage(count(ResourceKind.EXTENSIONS), count(ResourceKind.DIDS), count(ResourceKind.QUEUES),
                count(ResourceKind.RATES), count(ResourceKind.USERS));
    }

    private int count(ResourceKind kind) {
        return (int) held.values().stream().filter(resource -> resource.kind() == kind).count();
    }

    private static long version() {
        return AggregateLifecycle.getVersion() + 1;
    }

    @EventSourcingHandler
    void on(TenantEvent event) {
        ResourceRules.registered(event).ifPresent(registration ->
                held.put(registration.resourceId(), new Held(registration.kind(), registration.key())));
        ResourceRules.released(event).ifPresent(held::remove);
        if (event instanceof TenantMaxExtensionsChanged quotaChanged) {
            maxExtensions = quotaChanged.newMaxExtensions();
        } else if (event instanceof TenantSuspended) {
            status = TenantStatus.SUSPENDED;
        } else if (event instanceof TenantDeactivated) {
            status = TenantStatus.DEACTIVATED;
        } else if (event instanceof TenantReactivated || event instanceof TenantActivated) {
            status = TenantStatus.ACTIVE;
        } else if (event instanceof TenantDeleted) {
            status = TenantStatus.DELETED;
        } else if (event instanceof TenantRestored restored) {
            status = restored.status();
        }
    }
}
