package org.tenantregistry.command.domain;

import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.TenantStates;
import org.tenantregistry.events.DnsCheck;

import java.time.Clock;
import java.util.UUID;

/**
 * Asks DNS about one of a tenant's custom domains and makes the {@link VerifyDomain} that lets the tenant judge it.
 * The tenant is read first, as its caller may see it, so that DNS is asked only about a domain the caller may verify.
 */
@Component
public class DomainVerification {

    private final TenantStates tenants;
    private final DnsLookup dns;
    private final Clock clock;
    private final VerificationTokens tokens;

    DomainVerification(TenantStates tenants, DnsLookup dns, Clock clock, VerificationTokens tokens) {
        this.tenants = tenants;
        this.dns = dns;
        this.clock = clock;
        this.tokens = tokens;
    }

    /**
     * @param callerPartner the partner the caller's token is bound to, null for none
     * @throws DomainNotFoundException when the tenant has no such domain
     */
    public VerifyDomain verification(UUID tenantId, UUID domainId, String callerPartner) {
        CustomDomain domain = tenants.of(tenantId, callerPartner).domains().stream()
                .filter(candidate -> candidate.id().equals(domainId)).findFirst()
                .orElseThrow(() -> new DomainNotFoundException(tenantId, domainId));
        DnsObservation seen = new DnsObservation(dns.cname(domain.name()),
                dns.txt(DnsCheck.txtNameOf(domain.name())));
        return new VerifyDomain(tenantId, domainId, seen, clock.instant(), tokens.next());
    }
}
