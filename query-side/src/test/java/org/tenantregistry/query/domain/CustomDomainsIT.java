package org.tenantregistry.query.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.CustomDomainRemoved;
import org.tenantregistry.events.CustomDomainTokenRenewed;
import org.tenantregistry.events.CustomDomainVerificationFailed;
import org.tenantregistry.events.CustomDomainVerificationLost;
import org.tenantregistry.events.CustomDomainVerified;
import org.tenantregistry.events.DnsCheck;
import org.tenantregistry.events.DnsCheckOutcome;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantDomainChanged;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The domains projection fed through its handler, read back through the domain list, the tenant and the dashboard. */
class CustomDomainsIT extends DatabaseIntegrationTest {

    private static final Instant IN_A_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    JdbcClient jdbc;

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static DnsCheck check(String domain, String slug, DnsCheckOutcome outcome, String detail) {
        return new DnsCheck(slug + ".tenants.localhost",
                outcome == DnsCheckOutcome.VERIFIED ? List.of(slug + ".tenants.localhost") : List.of(),
                "_tenant-registry." + domain, List.of(), outcome, detail);
    }

    @Test
    void aDomainGoesFromPendingToVerifiedAndTheListShowsItsRecordsAndLastCheck() {
        String slug = "dom-" + suffix();
        String domain = "portal." + slug + ".example.org";
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID domainId = UUID.randomUUID();
        List<TenantEventEnvelope> events = new ArrayList<>();
        events.add(tenant.created("Domains", slug, null, "DE"));
        events.add(tenant.next(new CustomDomainAdded(id, domainId, domain, "token-1", IN_A_WEEK)));
        events.add(tenant.next(new CustomDomainVerificationFailed(id, domainId, domain,
                check(domain, slug, DnsCheckOutcome.NO_RECORDS, domain + " has no CNAME or TXT record"), 1)));
        deliver(events);

        JsonNode pending = get("/api/tenants/" + id + "/domains").body();
        assertThat(pending.get("message").asString()).isEqualTo("Domains fetched successfully.");
        JsonNode entry = pending.get("data").get(0);
        assertThat(entry.propertyNames()).containsExactly("id", "tenant_id", "domain", "status", "is_primary",
                "verification_token", "token_expires_at", "records", "next_step", "last_check", "verified_at",
                "created_at", "updated_at");
        assertThat(entry.get("id").asString()).isEqualTo(domainId.toString());
        assertThat(entry.get("tenant_id").asString()).isEqualTo(id.toString());
        assertThat(entry.get("status").asString()).isEqualTo("pending");
        assertThat(entry.get("is_primary").asBoolean()).isFalse();
        assertThat(entry.get("verification_token").asString()).isEqualTo("token-1");
        assertThat(Instant.parse(entry.get("token_expires_at").asString())).isEqualTo(IN_A_WEEK);
        assertThat(entry.get("records").toString()).isEqualTo("[{\"type\":\"CNAME\",\"name\":\"" + domain
                + "\",\"value\":\"" + slug + ".tenants.localhost\"},{\"type\":\"TXT\",\"name\":\"_tenant-registry."
                + domain + "\",\"value\":\"token-1\"}]");
        assertThat(entry.get("next_step").asString()).isEqualTo("Create one of the records, then PUT /api/tenants/"
                + id + "/domains/" + domainId + "/verify.");
        JsonNode lastCheck = entry.get("last_check");
        assertThat(lastCheck.propertyNames()).containsExactly("outcome", "detail", "expected_cname", "cname_targets",
                "txt_name", "txt_values", "consecutive_failures", "checked_at");
        assertThat(lastCheck.get("outcome").asString()).isEqualTo("no_records");
        assertThat(lastCheck.get("detail").asString()).isEqualTo(domain + " has no CNAME or TXT record");
        assertThat(lastCheck.get("expected_cname").asString()).isEqualTo(slug + ".tenants.localhost");
        assertThat(lastCheck.get("txt_name").asString()).isEqualTo("_tenant-registry." + domain);
        assertThat(lastCheck.get("consecutive_failures").asInt()).isEqualTo(1);
        assertThat(lastCheck.get("checked_at").asString()).isEqualTo(events.get(2).occurredAt().toString());
        assertThat(entry.get("verified_at").isNull()).isTrue();

        List<TenantEventEnvelope> verification = List.of(tenant.next(new CustomDomainVerified(id, domainId, domain,
                check(domain, slug, DnsCheckOutcome.VERIFIED, domain + " points to " + slug + ".tenants.localhost"))));
        deliver(verification);
        // redelivered: the runner applies each event once
        deliver(events);
        deliver(verification);

        JsonNode verified = get("/api/tenants/" + id + "/domains/" + domainId).body();
        assertThat(verified.get("message").asString()).isEqualTo("Domain loaded successfully.");
        JsonNode data = verified.get("data");
        assertThat(data.get("status").asString()).isEqualTo("verified");
        assertThat(data.get("next_step").isNull()).isTrue();
        assertThat(data.get("verified_at").asString()).isEqualTo(verification.get(0).occurredAt().toString());
        assertThat(data.get("last_check").get("outcome").asString()).isEqualTo("verified");
        assertThat(data.get("last_check").get("cname_targets").get(0).asString())
                .isEqualTo(slug + ".tenants.localhost");
        assertThat(data.get("last_check").get("consecutive_failures").asInt()).isZero();
        assertThat(get("/api/tenants/" + id + "/domains").body().get("data").size()).isEqualTo(1);
    }

    @Test
    void aPendingDomainPastItsTokensExpiryIsExpiredAndSaysHowToGetANewOne() {
        String slug = "exp-" + suffix();
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID expiredId = UUID.randomUUID();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        deliver(List.of(tenant.created("Expiry", slug, null, "DE"),
                tenant.next(new CustomDomainAdded(id, expiredId, "old." + slug + ".example.org", "t-old", yesterday)),
                tenant.next(new CustomDomainAdded(id, UUID.randomUUID(), "new." + slug + ".example.org", "t-new",
                        IN_A_WEEK))));

        JsonNode data = get("/api/tenants/" + id + "/domains").body().get("data");

        assertThat(data.valueStream().map(domain -> domain.get("status").asString()))
                .containsExactly("expired", "pending");
        assertThat(data.get(0).get("next_step").asString()).isEqualTo("The verification token expired at "
                + yesterday + ": add the domain again with POST /api/tenants/" + id + "/domains?domain=old." + slug
                + ".example.org for a new one.");
        assertThat(data.get(0).get("last_check").isNull()).isTrue();
    }

    @Test
    void aFailedCheckLeavesAVerifiedDomainVerifiedUntilTheVerificationIsLostAndRenewedTokensReplaceTheOld() {
        String slug = "lost-" + suffix();
        String domain = "app." + slug + ".example.org";
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID domainId = UUID.randomUUID();
        DnsCheck wrongTarget = check(domain, slug, DnsCheckOutcome.WRONG_TARGET, domain + " points elsewhere");
        deliver(List.of(tenant.created("Lost", slug, null, "DE"),
                tenant.next(new CustomDomainAdded(id, domainId, domain, "t-1", IN_A_WEEK)),
                tenant.next(new CustomDomainVerified(id, domainId, domain,
                        check(domain, slug, DnsCheckOutcome.VERIFIED, "verified"))),
                tenant.next(new CustomDomainVerificationFailed(id, domainId, domain, wrongTarget, 1))));

        JsonNode failedOnce = get("/api/tenants/" + id + "/domains/" + domainId).body().get("data");
        assertThat(failedOnce.get("status").asString()).isEqualTo("verified");
        assertThat(failedOnce.get("last_check").get("outcome").asString()).isEqualTo("wrong_target");
        assertThat(failedOnce.get("last_check").get("consecutive_failures").asInt()).isEqualTo(1);

        deliver(List.of(tenant.next(new CustomDomainVerificationFailed(id, domainId, domain, wrongTarget, 2)),
                tenant.next(new CustomDomainVerificationFailed(id, domainId, domain, wrongTarget, 3)),
                tenant.next(new CustomDomainVerificationLost(id, domainId, domain, 3, "t-2", IN_A_WEEK))));
        JsonNode lost = get("/api/tenants/" + id + "/domains/" + domainId).body().get("data");
        assertThat(lost.get("status").asString()).isEqualTo("pending");
        assertThat(lost.get("verification_token").asString()).isEqualTo("t-2");
        assertThat(lost.get("verified_at").isNull()).isTrue();
        assertThat(lost.get("last_check").get("consecutive_failures").asInt()).isEqualTo(3);

        deliver(List.of(tenant.next(new CustomDomainTokenRenewed(id, domainId, domain, "t-3",
                IN_A_WEEK.plus(Duration.ofDays(1))))));
        JsonNode renewed = get("/api/tenants/" + id + "/domains/" + domainId).body().get("data");
        assertThat(renewed.get("verification_token").asString()).isEqualTo("t-3");
        assertThat(renewed.get("records").get(1).get("value").asString()).isEqualTo("t-3");
        assertThat(Instant.parse(renewed.get("token_expires_at").asString()))
                .isEqualTo(IN_A_WEEK.plus(Duration.ofDays(1)));
    }

    @Test
    void aPrimaryDomainChangeMakesTheCustomDomainTheTenantsDomainAndItsShowListsTheDomains() {
        String slug = "prim-" + suffix();
        String domain = "www." + slug + ".example.org";
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID domainId = UUID.randomUUID();
        UUID otherId = UUID.randomUUID();
        deliver(List.of(tenant.created("Primary", slug, null, "DE"),
                tenant.next(new CustomDomainAdded(id, domainId, domain, "t-1", IN_A_WEEK)),
                tenant.next(new CustomDomainAdded(id, otherId, "other." + slug + ".example.org", "t-2", IN_A_WEEK)),
                tenant.next(new CustomDomainVerified(id, domainId, domain,
                        check(domain, slug, DnsCheckOutcome.VERIFIED, "verified"))),
                tenant.next(new PrimaryDomainChanged(id, domainId, slug + ".example.com", domain))));

        JsonNode shown = get("/api/tenants/" + id).body().get("data");

        assertThat(shown.get("domain").asString()).isEqualTo(domain);
        assertThat(shown.get("domains").toString()).isEqualTo("[{\"id\":\"" + domainId + "\",\"domain\":\"" + domain
                + "\",\"status\":\"verified\",\"is_primary\":true},{\"id\":\"" + otherId + "\",\"domain\":\"other."
                + slug + ".example.org\",\"status\":\"pending\",\"is_primary\":false}]");
        assertThat(get("/api/tenants/" + id + "/domains/" + domainId).body().get("data").get("is_primary").asBoolean())
                .isTrue();
        assertThat(get("/api/tenants?search=" + slug).body().get("data").get(0).has("domains")).isFalse();

        deliver(List.of(tenant.next(new TenantDomainChanged(id, domain, "elsewhere." + slug + ".example.org"))));

        assertThat(get("/api/tenants/" + id + "/domains/" + domainId).body().get("data").get("is_primary").asBoolean())
                .as("the primary domain set directly is no longer this one").isFalse();
        assertThat(get("/api/tenants/" + id).body().get("data").get("domain").asString())
                .isEqualTo("elsewhere." + slug + ".example.org");
    }

    @Test
    void aRemovedDomainIsGoneAndAPurgeRemovesTheTenantsDomainsAndReleasedSlugs() {
        String slug = "rm-" + suffix();
        String domain = "rm." + slug + ".example.org";
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID removedId = UUID.randomUUID();
        List<TenantEventEnvelope> events = List.of(tenant.created("Removal", slug, null, "DE"),
                tenant.next(new CustomDomainAdded(id, removedId, domain, "t-1", IN_A_WEEK)),
                tenant.next(new CustomDomainAdded(id, UUID.randomUUID(), "kept." + slug + ".example.org", "t-2",
                        IN_A_WEEK)),
                tenant.next(new CustomDomainRemoved(id, removedId, domain)),
                tenant.next(new TenantSlugChanged(id, slug, slug + "-new")));
        deliver(events);
        deliver(events);

        assertThat(get("/api/tenants/" + id + "/domains").body().get("data").valueStream()
                .map(entry -> entry.get("domain").asString())).containsExactly("kept." + slug + ".example.org");
        JsonNode gone = get("/api/tenants/" + id + "/domains/" + removedId).body();
        assertThat(gone.get("status").asInt()).isEqualTo(404);
        assertThat(gone.get("type").asString()).isEqualTo("urn:tenant-registry:problem:domain-not-found");
        assertThat(rows("tenant_released_slug", id)).isEqualTo(1);

        deliver(List.of(tenant.next(new TenantDeleted(id, TenantStatus.ACTIVE)), tenant.next(new TenantPurged(id))));

        assertThat(get("/api/tenants/" + id + "/domains").status()).isEqualTo(404);
        assertThat(rows("tenant_domain", id)).isZero();
        assertThat(rows("tenant_released_slug", id)).isZero();
    }

    @Test
    void anotherPartnersTenantsDomainsAreNotFoundAndReadYourWritesWaitsForTheDomains() {
        String partner = "partner-dom-" + suffix();
        TenantStream mine = TenantStream.newTenant();
        TenantStream theirs = TenantStream.newTenant();
        UUID theirDomain = UUID.randomUUID();
        deliver(List.of(mine.created("Mine", "mine-" + suffix(), partner, "DE"),
                theirs.created("Theirs", "theirs-" + suffix(), "other-" + partner, "DE"),
                theirs.next(new CustomDomainAdded(theirs.tenantId(), theirDomain, "x." + suffix() + ".example.org",
                        "t", IN_A_WEEK))));
        var msp = as(TestTokens.token().subject("msp-" + partner).partner(partner).sign());

        assertThat(msp.get("/api/tenants/" + mine.tenantId() + "/domains").status()).isEqualTo(200);
        JsonNode hidden = msp.get("/api/tenants/" + theirs.tenantId() + "/domains").body();
        assertThat(hidden.get("status").asInt()).isEqualTo(404);
        assertThat(hidden.get("type").asString()).isEqualTo("urn:tenant-registry:problem:tenant-not-found");
        assertThat(msp.get("/api/tenants/" + theirs.tenantId() + "/domains/" + theirDomain).status()).isEqualTo(404);
        assertThat(get("/api/tenants/" + UUID.randomUUID() + "/domains").status()).isEqualTo(404);

        assertThat(get("/api/tenants/" + theirs.tenantId() + "/domains?min_version=" + theirs.tenantId() + ":2")
                .status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + theirs.tenantId() + "/domains?min_version=" + theirs.tenantId() + ":3")
                .status()).isEqualTo(503);
    }

    @Test
    void theDashboardCountsTheDomainsByStateLeavingDeletedTenantsOut() {
        String partner = "partner-domdash-" + suffix();
        TenantStream one = TenantStream.newTenant();
        TenantStream deleted = TenantStream.newTenant();
        UUID verified = UUID.randomUUID();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        deliver(List.of(one.created("Dash One", "dd1-" + suffix(), partner, "DE"),
                one.next(new CustomDomainAdded(one.tenantId(), UUID.randomUUID(), "a." + suffix() + ".org", "t", IN_A_WEEK)),
                one.next(new CustomDomainAdded(one.tenantId(), UUID.randomUUID(), "b." + suffix() + ".org", "t", yesterday)),
                one.next(new CustomDomainAdded(one.tenantId(), verified, "c." + suffix() + ".org", "t", IN_A_WEEK)),
                one.next(new CustomDomainVerified(one.tenantId(), verified, "c.example.org",
                        check("c.example.org", "dd1", DnsCheckOutcome.VERIFIED, "verified"))),
                deleted.created("Dash Deleted", "dd2-" + suffix(), partner, "DE"),
                deleted.next(new CustomDomainAdded(deleted.tenantId(), UUID.randomUUID(), "d." + suffix() + ".org", "t",
                        IN_A_WEEK)),
                deleted.next(new TenantDeleted(deleted.tenantId(), TenantStatus.ACTIVE))));

        JsonNode dashboard = get("/api/dashboard/msp?partner_id=" + partner).body();

        assertThat(dashboard.get("domains_by_state").toString())
                .isEqualTo("{\"pending\":1,\"verified\":1,\"expired\":1}");
        assertThat(get("/api/dashboard/msp").body().get("domains_by_state").get("verified").asLong())
                .isGreaterThanOrEqualTo(1);
    }

    private long rows(String table, UUID tenantId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :id").param("id", tenantId)
                .query(Long.class).single();
    }
}
