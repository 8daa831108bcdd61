package org.tenantregistry.command.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Slugs and domains are unique across all tenants: a set-based rule that one aggregate cannot see. Claims are written
 * in the same database transaction as the events that take them, so two concurrent creates can never both win. A
 * released value stays quarantined for a while so that nobody else takes over links that still point at it; the
 * tenant that released it may take it back at any time.
 */
public interface TenantClaims {

    /** A DID number is unique across all tenants too: claimed when a tenant registers it (command.resource). */
    enum Kind { SLUG, DOMAIN, DID }

    /** @throws IdentifierTakenException when another tenant holds the value or it is quarantined */
    void claim(Kind kind, String value, UUID tenantId);

    /**
     * Both values of a new tenant at once (one statement where the store allows it).
     *
     * @throws IdentifierTakenException for the slug when it cannot be claimed, otherwise for the domain
     */
    default void claimSlugAndDomain(String slug, String domain, UUID tenantId) {
        claim(Kind.SLUG, slug, tenantId);
        claim(Kind.DOMAIN, domain, tenantId);
    }

    /** The first candidate that could be claimed, now claimed; empty when none could. */
    Optional<String> claimFirstFree(Kind kind, List<String> candidates, UUID tenantId);

    /** Starts the quarantine of a value the tenant no longer uses. */
    void release(Kind kind, String value, UUID tenantId);
}
