package org.tenantregistry.command.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.command.domain.DomainProperties;
import org.tenantregistry.command.domain.DomainRecheckJob;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom domains over real HTTP, verified against a real DNS server on the loopback: what each DNS answer makes of a
 * domain, the expiry of tokens, the re-checks that lose a domain, and two tenants racing for one name.
 */
class DomainsIT extends WebIntegrationTest {

    @Autowired
    MovableClock clock;
    @Autowired
    DomainRecheckJob rechecks;
    @Autowired
    DomainProperties properties;

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    private record Tenant(String id, String slug) {

        String host() {
            return slug + ".tenants.test";
        }
    }

    private Tenant tenant() {
        String slug = unique("dom");
        return new Tenant(api.create("{\"name\": \"Domains\", \"slug\": \"" + slug + "\"}"), slug);
    }

    private static String uniqueDomain() {
        return unique("assets") + ".example.com";
    }

    private Api.Answer add(Tenant tenant, String domain) {
        return api.send("POST", "/api/tenants/" + tenant.id() + "/domains?domain=" + domain, null);
    }

    private JsonNode added(Tenant tenant, String domain) {
        Api.Answer answer = add(tenant, domain);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().get("data");
    }

    private Api.Answer verify(Tenant tenant, JsonNode domain) {
        return api.send("PUT", "/api/tenants/" + tenant.id() + "/domains/" + domain.get("id").asString() + "/verify",
                null);
    }

    @Test
    void anAddedDomainAnswersTheRecordsThatProveItAndTheTokensExpiry() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(requestedAt);

        Api.Answer answer = add(tenant, domain.toUpperCase());

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode data = answer.json().get("data");
        String token = data.get("verification_token").asString();
        assertThat(answer.header("Location")).isEqualTo("/api/tenants/" + tenant.id() + "/domains/"
                + data.get("id").asString());
        assertThat(data.get("domain").asString()).isEqualTo(domain);
        assertThat(data.get("status").asString()).isEqualTo("pending");
        assertThat(token).matches("trv-[0-9a-f]{32}");
        assertThat(Instant.parse(data.get("token_expires_at").asString()))
                .isEqualTo(requestedAt.plus(properties.tokenValidity()));
        assertThat(data.get("records").get(0).get("type").asString()).isEqualTo("CNAME");
        assertThat(data.get("records").get(0).get("name").asString()).isEqualTo(domain);
        assertThat(data.get("records").get(0).get("value").asString()).isEqualTo(tenant.host());
        assertThat(data.get("records").get(1).get("type").asString()).isEqualTo("TXT");
        assertThat(data.get("records").get(1).get("name").asString()).isEqualTo("_tenant-registry." + domain);
        assertThat(data.get("records").get(1).get("value").asString()).isEqualTo(token);
        assertThat(data.get("next_step").asString()).contains("/verify");
        assertThat(eventTypesOf(tenant.id())).endsWith("CustomDomainAdded");
    }

    @Test
    void aJsonBodyAddsTheDomainToo() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();

        Api.Answer answer = api.send("POST", "/api/tenants/" + tenant.id() + "/domains",
                "{\"domain\": \"" + domain + "\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.json().get("data").get("domain").asString()).isEqualTo(domain);
    }

    @Test
    void aCnameToTheTenantsHostVerifiesTheDomain() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.cname(domain, tenant.host());

        Api.Answer answer = verify(tenant, added);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("message").asString()).isEqualTo("Domain verified.");
        JsonNode data = answer.json().get("data");
        assertThat(data.get("status").asString()).isEqualTo("verified");
        assertThat(data.get("last_check").get("outcome").asString()).isEqualTo("verified");
        assertThat(data.get("last_check").get("cname_targets").get(0).asString()).isEqualTo(tenant.host());
        assertThat(data.get("next_step").isNull()).isTrue();
        assertThat(eventTypesOf(tenant.id())).endsWith("CustomDomainVerified");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_recheck WHERE domain_id = ?::uuid")
                .param(added.get("id").asString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aTxtRecordHoldingTheTokenVerifiesTheDomain() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.txt("_tenant-registry." + domain, added.get("verification_token").asString());

        Api.Answer answer = verify(tenant, added);

        assertThat(answer.json().get("data").get("status").asString()).as(answer.text()).isEqualTo("verified");
        assertThat(answer.json().get("data").get("last_check").get("detail").asString())
                .contains("holds the verification token");
    }

    @Test
    void aCnameToAnotherHostFailsAndSaysWhereItPoints() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.cname(domain, "elsewhere.example.net");

        Api.Answer answer = verify(tenant, added);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode check = answer.json().get("data").get("last_check");
        assertThat(answer.json().get("data").get("status").asString()).isEqualTo("pending");
        assertThat(check.get("outcome").asString()).isEqualTo("wrong_target");
        assertThat(check.get("cname_targets").get(0).asString()).isEqualTo("elsewhere.example.net");
        assertThat(check.get("expected_cname").asString()).isEqualTo(tenant.host());
        assertThat(answer.json().get("message").asString()).contains("elsewhere.example.net", tenant.host());
        assertThat(eventTypesOf(tenant.id())).endsWith("CustomDomainVerificationFailed");
    }

    @Test
    void aDomainThatDoesNotExistFailsAsNxdomain() {
        Tenant tenant = tenant();
        JsonNode added = added(tenant, uniqueDomain());

        Api.Answer answer = verify(tenant, added);

        assertThat(answer.json().get("data").get("last_check").get("outcome").asString()).as(answer.text())
                .isEqualTo("nxdomain");
        assertThat(answer.json().get("data").get("status").asString()).isEqualTo("pending");
    }

    @Test
    void aResolverThatNeverAnswersFailsAsATimeout() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.silence(domain);
        DNS.silence("_tenant-registry." + domain);

        Api.Answer answer = verify(tenant, added);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("data").get("last_check").get("outcome").asString()).isEqualTo("timeout");
        assertThat(DNS.queriesFor(domain)).isPositive();
    }

    @Test
    void anExpiredTokenAnswersWhatToDoAndAddingTheDomainAgainRenewsIt() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.cname(domain, tenant.host());
        clock.stopAt(Instant.parse(added.get("token_expires_at").asString()).plus(1, ChronoUnit.SECONDS));

        Api.Answer expired = verify(tenant, added);
        Api.Answer again = add(tenant, domain);
        Api.Answer verified = verify(tenant, added);

        assertThat(expired.status()).as(expired.text()).isEqualTo(409);
        assertThat(expired.json().get("type").asString()).endsWith("verification-token-expired");
        assertThat(expired.json().get("detail").asString()).contains("POST", domain);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("data").get("id").asString()).isEqualTo(added.get("id").asString());
        assertThat(again.json().get("data").get("verification_token").asString())
                .isNotEqualTo(added.get("verification_token").asString());
        assertThat(verified.json().get("data").get("status").asString()).as(verified.text()).isEqualTo("verified");
        assertThat(eventTypesOf(tenant.id())).containsSubsequence("CustomDomainAdded", "CustomDomainTokenRenewed",
                "CustomDomainVerified");
    }

    @Test
    void aVerifiedDomainIsLostAfterItsRechecksFailTheConfiguredTimesInARow() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.cname(domain, tenant.host());
        verify(tenant, added);
        DNS.remove(domain);

        Instant at = Instant.now();
        for (int check = 1; check <= properties.failuresBeforeLoss(); check++) {
            at = at.plus(properties.recheckInterval()).plusSeconds(60);
            clock.stopAt(at);
            rechecks.recheckDue();
        }

        assertThat(eventTypesOf(tenant.id())).endsWith("CustomDomainVerified", "CustomDomainVerificationFailed",
                "CustomDomainVerificationFailed", "CustomDomainVerificationFailed", "CustomDomainVerificationLost");
        assertThat(eventsOf(tenant.id())).last().satisfies(event ->
                assertThat(event.getMetaData().get("actor")).isEqualTo("system:domain-recheck"));
        assertThat(jdbc.sql("SELECT count(*) FROM domain_recheck WHERE domain_id = ?::uuid")
                .param(added.get("id").asString()).query(Long.class).single()).isZero();
    }

    @Test
    void aRecheckThatPassesKeepsTheDomainVerifiedAndWritesNothing() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.cname(domain, tenant.host());
        verify(tenant, added);
        int events = eventsOf(tenant.id()).size();

        clock.stopAt(Instant.now().plus(properties.recheckInterval()).plusSeconds(60));
        rechecks.recheckDue();

        assertThat(eventsOf(tenant.id())).hasSize(events);
        assertThat(DNS.queriesFor(domain)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoTenantsRacingForOneDomainGetItOnceAndTheOtherIsTold() throws Exception {
        Tenant first = tenant();
        Tenant second = tenant();
        String domain = uniqueDomain();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Answer>> answers = List.of(first, second).stream().map(tenant -> clients.submit(() -> {
                Api client = new Api(port);
                start.await();
                return client.send("POST", "/api/tenants/" + tenant.id() + "/domains?domain=" + domain, null);
            })).toList();

            List<Integer> statuses = List.of(answers.get(0).get().status(), answers.get(1).get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            Api.Answer loser = answers.get(statuses.indexOf(409)).get();
            assertThat(loser.json().get("type").asString()).endsWith("identifier-taken");
            assertThat(loser.json().get("errors").has("domain")).isTrue();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRemovedDomainIsQuarantinedForOtherTenants() {
        Tenant holder = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(holder, domain);

        Api.Answer removed = api.send("DELETE", "/api/tenants/" + holder.id() + "/domains/"
                + added.get("id").asString(), null);
        Api.Answer other = add(tenant(), domain);
        Api.Answer back = add(holder, domain);

        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.json().get("message").asString()).isEqualTo("Domain removed.");
        assertThat(other.status()).as(other.text()).isEqualTo(409);
        assertThat(back.status()).as(back.text()).isEqualTo(201);
    }

    @Test
    void aVerifiedDomainBecomesThePrimaryAndCannotThenBeRemoved() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        String path = "/api/tenants/" + tenant.id() + "/domains/" + added.get("id").asString();

        Api.Answer unverified = api.send("PUT", path + "/primary", null);
        DNS.cname(domain, tenant.host());
        verify(tenant, added);
        Api.Answer primary = api.send("PUT", path + "/primary", null);
        Api.Answer removal = api.send("DELETE", path, null);

        assertThat(unverified.status()).as(unverified.text()).isEqualTo(409);
        assertThat(unverified.json().get("type").asString()).endsWith("domain-not-verified");
        assertThat(primary.status()).as(primary.text()).isEqualTo(200);
        assertThat(primary.json().get("data").get("is_primary").asBoolean()).isTrue();
        assertThat(removal.status()).as(removal.text()).isEqualTo(409);
        assertThat(removal.json().get("type").asString()).endsWith("primary-domain");
        assertThat(eventTypesOf(tenant.id())).endsWith("PrimaryDomainChanged");
    }

    @Test
    void anUnacceptableDomainIsRefusedWithItsReasonAndNothingIsWritten() {
        Tenant tenant = tenant();
        int events = eventsOf(tenant.id()).size();

        List<Api.Answer> answers = List.of(add(tenant, "192.0.2.1"), add(tenant, "co.uk"),
                add(tenant, "x.tenants.test"), add(tenant, "a_b.example.com"),
                api.send("POST", "/api/tenants/" + tenant.id() + "/domains", "{\"domain\": 42}"),
                api.send("POST", "/api/tenants/" + tenant.id() + "/domains", null));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(422);
            assertThat(answer.json().get("errors").has("domain")).as(answer.text()).isTrue();
        });
        assertThat(eventsOf(tenant.id())).hasSize(events);
    }

    /** The snapshot (every 50 events) carries the domains: their state goes on after it. */
    @Test
    void theDomainsSurviveASnapshot() {
        Tenant tenant = tenant();
        String domain = uniqueDomain();
        JsonNode added = added(tenant, domain);
        DNS.cname(domain, tenant.host());
        verify(tenant, added);
        for (int i = 0; i < 55; i++) {
            assertThat(api.send("POST", "/api/tenants/" + tenant.id() + "/users",
                    "{\"email\": \"member" + i + "@example.com\"}").status()).isEqualTo(201);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(tenant.id()).query(Long.class).single()).isEqualTo(1L);

        Api.Answer primary = api.send("PUT", "/api/tenants/" + tenant.id() + "/domains/" + added.get("id").asString()
                + "/primary", null);

        assertThat(primary.status()).as(primary.text()).isEqualTo(200);
        assertThat(primary.json().get("data").get("status").asString()).isEqualTo("verified");
        assertThat(primary.json().get("data").get("verification_token").asString())
                .isEqualTo(added.get("verification_token").asString());
    }

    @Test
    void anUnknownDomainOrTenantIsNotFound() {
        Tenant tenant = tenant();

        Api.Answer domain = api.send("PUT", "/api/tenants/" + tenant.id() + "/domains/"
                + java.util.UUID.randomUUID() + "/verify", null);
        Api.Answer tenantless = api.send("POST", "/api/tenants/" + java.util.UUID.randomUUID()
                + "/domains?domain=" + uniqueDomain(), null);

        assertThat(domain.status()).as(domain.text()).isEqualTo(404);
        assertThat(domain.json().get("type").asString()).endsWith("domain-not-found");
        assertThat(tenantless.status()).as(tenantless.text()).isEqualTo(404);
    }
}
