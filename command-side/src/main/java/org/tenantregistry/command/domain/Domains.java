package org.tenantregistry.command.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.google.common.net.InetAddresses;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.tenantregistry.command.tenant.DomainNames;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.TenantClaims;
import org.tenantregistry.command.tenant.TenantClaims.Kind;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.CustomDomainRemoved;
import org.tenantregistry.events.CustomDomainTokenRenewed;
import org.tenantregistry.events.CustomDomainVerificationFailed;
import org.tenantregistry.events.CustomDomainVerificationLost;
import org.tenantregistry.events.CustomDomainVerified;
import org.tenantregistry.events.DnsCheck;
import org.tenantregistry.events.DnsCheckOutcome;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tenant's custom domains, a member of its aggregate: the quota and the rules of each domain hold under any
 * concurrency because every change goes through the tenant's one stream, while uniqueness across tenants goes
 * through the same claims as slugs. It follows the tenant's slug (the CNAME target), primary domain and deletion
 * from the same events as the root, so that its rules need nothing from it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Domains {

    private Map<UUID, CustomDomain> domains = new LinkedHashMap<>();
    private String slug;
    private String primaryDomain;
    private boolean deleted;

    public Domains() {
        // state comes from the tenant's events (or a snapshot's fields)
    }

    @CommandHandler
    public DomainState handle(AddCustomDomain command, TenantClaims claims, DomainProperties properties) {
        requireNotDeleted("add a domain to");
        String name = acceptable(command.domain(), properties.baseDomain());
        CustomDomain existing = named(name);
        if (existing != null) {
            if (existing.expiredAt(command.requestedAt())) {
                apply(new CustomDomainTokenRenewed(command.tenantId(), existing.id(), name,
                        command.verificationToken(), command.requestedAt().plus(properties.tokenValidity())));
            }
            return stateOf(existing.id(), properties);
        }
        if (domains.size() >= properties.maxPerTenant()) {
            throw new DomainQuotaExceededException(properties.maxPerTenant(), domains.size());
        }
        claims.claim(Kind.DOMAIN, name, command.tenantId());
        apply(new CustomDomainAdded(command.tenantId(), command.domainId(), name, command.verificationToken(),
                command.requestedAt().plus(properties.tokenValidity())));
        return stateOf(command.domainId(), properties);
    }

    /**
     * A pending domain is verified by one passing check. A verified one stays verified through failed re-checks
     * until {@code failures-before-loss} fail in a row, since one unanswered query says little; a passing re-check
     * of a domain without failures writes nothing, so that a stream does not grow with every day's check.
     */
    @CommandHandler
    public DomainState handle(VerifyDomain command, DomainProperties properties, DomainRechecks rechecks) {
        requireNotDeleted("verify a domain of");
        CustomDomain domain = find(command.tenantId(), command.domainId());
        if (domain.expiredAt(command.checkedAt())) {
            throw new DomainTokenExpiredException(domain.name(), domain.tokenExpiresAt());
        }
        DnsCheck check = DomainChecks.judge(domain.name(), cnameTarget(properties), domain.token(),
                command.observation());
        UUID tenantId = command.tenantId();
        if (check.outcome() == DnsCheckOutcome.VERIFIED) {
            if (!domain.verified() || domain.consecutiveFailures() > 0) {
                apply(new CustomDomainVerified(tenantId, domain.id(), domain.name(), check));
            }
            rechecks.scheduleAt(tenantId, domain.id(), command.checkedAt().plus(properties.recheckInterval()));
            return stateOf(domain.id(), properties);
        }
        int failures = domain.consecutiveFailures() + 1;
        apply(new CustomDomainVerificationFailed(tenantId, domain.id(), domain.name(), check, failures));
        if (domain.verified() && failures >= properties.failuresBeforeLoss()) {
            apply(new CustomDomainVerificationLost(tenantId, domain.id(), domain.name(), failures,
                    command.renewalToken(), command.checkedAt().plus(properties.tokenValidity())));
            rechecks.cancel(domain.id());
        } else if (domain.verified()) {
            rechecks.scheduleAt(tenantId, domain.id(), command.checkedAt().plus(properties.recheckInterval()));
        }
        return stateOf(domain.id(), properties);
    }

    @CommandHandler
    public long handle(RemoveCustomDomain command, TenantClaims claims, DomainRechecks rechecks) {
        CustomDomain domain = find(command.tenantId(), command.domainId());
        if (domain.name().equals(primaryDomain)) {
            throw new DomainStateConflictException(DomainStateConflictException.Rule.PRIMARY_DOMAIN,
                    domain.name() + " is the tenant's primary domain: make another domain primary, or change the "
                            + "tenant's domain, before removing it");
        }
        claims.release(Kind.DOMAIN, domain.name(), command.tenantId());
        rechecks.cancel(domain.id());
        apply(new CustomDomainRemoved(command.tenantId(), domain.id(), domain.name()));
        return version();
    }

    @CommandHandler
    public DomainState handle(SetPrimaryDomain command, TenantClaims claims, DomainProperties properties) {
        requireNotDeleted("change the primary domain of");
        CustomDomain domain = find(command.tenantId(), command.domainId());
        if (!domain.verified()) {
            throw new DomainStateConflictException(DomainStateConflictException.Rule.NOT_VERIFIED,
                    domain.name() + " is not verified: verify it before making it the primary domain");
        }
        if (!domain.name().equals(primaryDomain)) {
            if (primaryDomain != null && named(primaryDomain) == null) {
                claims.release(Kind.DOMAIN, primaryDomain, command.tenantId());
            }
            apply(new PrimaryDomainChanged(command.tenantId(), domain.id(), primaryDomain, domain.name()));
        }
        return stateOf(domain.id(), properties);
    }

    /** Whether a name is one of the custom domains, whose claim the tenant keeps when its primary domain moves. */
    public boolean holds(String name) {
        return named(name) != null;
    }

    /** A purge frees the names of all custom domains (quarantined like the slug) and ends their re-checks. */
    public void releaseAll(UUID tenantId, TenantClaims claims, DomainRechecks rechecks) {
        domains.values().stream().map(CustomDomain::name).filter(name -> !name.equals(primaryDomain))
                .forEach(name -> claims.release(Kind.DOMAIN, name, tenantId));
        rechecks.cancelAllOf(tenantId);
    }

    public List<CustomDomain> all() {
        return List.copyOf(domains.values());
    }

    private static String acceptable(String input, String baseDomain) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) {
            throw InvalidTenantException.of("domain", "is required, such as ?domain=assets.example.com");
        }
        String unbracketed = raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw;
        if (InetAddresses.isInetAddress(unbracketed)) {
            throw InvalidTenantException.of("domain", "must be a domain name, not an IP address");
        }
        String problem = DomainNames.problemWith(raw);
        if (problem != null) {
            throw InvalidTenantException.of("domain", problem);
        }
        String name = DomainNames.normalize(raw).orElseThrow();
        String base = baseDomain.toLowerCase(Locale.ROOT);
        if (name.equals(base) || name.endsWith("." + base)) {
            throw InvalidTenantException.of("domain", "is the platform's own domain " + base
                    + ", which every tenant already has as <slug>." + base);
        }
        return name;
    }

    private CustomDomain find(UUID tenantId, UUID domainId) {
        CustomDomain domain = domains.get(domainId);
        if (domain == null) {
            throw new DomainNotFoundException(tenantId, domainId);
        }
        return domain;
    }

    private CustomDomain named(String name) {
        return domains.values().stream().filter(domain -> domain.name().equals(name)).findFirst().orElse(null);
    }

    private String cnameTarget(DomainProperties properties) {
        return slug + "." + properties.baseDomain().toLowerCase(Locale.ROOT);
    }

    private DomainState stateOf(UUID domainId, DomainProperties properties) {
        CustomDomain domain = domains.get(domainId);
        return new DomainState(domain, domain.name().equals(primaryDomain), cnameTarget(properties), version());
    }

    private void requireNotDeleted(String action) {
        if (deleted) {
            throw new IllegalTransitionException(TenantStatus.DELETED, action);
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion() + 1;
    }

    @EventSourcingHandler
    void on(TenantEvent event, @Timestamp Instant at) {
        if (event instanceof TenantCreated created) {
            slug = created.slug();
            primaryDomain = created.domain();
        } else if (event instanceof TenantSlugChanged changed) {
            slug = changed.newSlug();
        } else if (event instanceof TenantDomainChanged changed) {
            primaryDomain = changed.newDomain();
        } else if (event instanceof PrimaryDomainChanged changed) {
            primaryDomain = changed.newDomain();
        } else if (event instanceof TenantDeleted) {
            deleted = true;
        } else if (event instanceof TenantRestored) {
            deleted = false;
        } else if (event instanceof CustomDomainAdded added) {
            domains.put(added.domainId(), CustomDomain.added(added.domainId(), added.domain(),
                    added.verificationToken(), added.tokenExpiresAt(), at));
        } else if (event instanceof CustomDomainTokenRenewed renewed) {
            domains.computeIfPresent(renewed.domainId(),
                    (id, domain) -> domain.withToken(renewed.verificationToken(), renewed.tokenExpiresAt(), at));
        } else if (event instanceof CustomDomainVerified verified) {
            domains.computeIfPresent(verified.domainId(), (id, domain) -> domain.verifiedBy(verified.check(), at));
        } else if (event instanceof CustomDomainVerificationFailed failed) {
            domains.computeIfPresent(failed.domainId(),
                    (id, domain) -> domain.failedBy(failed.check(), failed.consecutiveFailures(), at));
        } else if (event instanceof CustomDomainVerificationLost lost) {
            domains.computeIfPresent(lost.domainId(),
                    (id, domain) -> domain.lost(lost.verificationToken(), lost.tokenExpiresAt(), at));
        } else if (event instanceof CustomDomainRemoved removed) {
            domains.remove(removed.domainId());
        }
    }
}
