package org.tenantregistry.command.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.command.tenant.ClaimsProperties;
import org.tenantregistry.events.TenantSlugChanged;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Released slugs and domains in the real claims table. Release and claim both take their time from the application's
 * clock (not the database's), so stopping that clock decides exactly when a quarantine ends.
 */
class ClaimQuarantineIT extends WebIntegrationTest {

    private static final Duration JUST_UNDER = Duration.ofSeconds(1);

    @Autowired
    MovableClock clock;
    @Autowired
    ClaimsProperties claims;

    private Instant releasedAt;

    @BeforeEach
    void stopTheClock() {
        // Whole seconds: PostgreSQL keeps microseconds, and a rounded release time would end the quarantine late.
        releasedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(releasedAt);
    }

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    @Test
    void aSlugChangedAwayIsQuarantinedForOtherTenantsUntilThePeriodEnds() {
        String slug = unique("released");
        String holder = api.create("{\"name\": \"Holder\", \"slug\": \"" + slug + "\"}");
        api.send("PUT", "/api/tenants/" + holder + "/slug", "{\"slug\": \"" + unique("moved") + "\"}");

        Api.Answer atOnce = api.post("{\"name\": \"Newcomer\", \"slug\": \"" + slug + "\"}");
        clock.stopAt(releasedAt.plus(claims.quarantine()).minus(JUST_UNDER));
        Api.Answer justBeforeTheEnd = api.post("{\"name\": \"Newcomer\", \"slug\": \"" + slug + "\"}");
        clock.stopAt(releasedAt.plus(claims.quarantine()));
        Api.Answer atTheEnd = api.post("{\"name\": \"Newcomer\", \"slug\": \"" + slug + "\"}");

        assertThat(atOnce.status()).as(atOnce.text()).isEqualTo(409);
        assertThat(atOnce.json().get("errors").has("slug")).isTrue();
        assertThat(justBeforeTheEnd.status()).as(justBeforeTheEnd.text()).isEqualTo(409);
        assertThat(atTheEnd.status()).as(atTheEnd.text()).isEqualTo(201);
        assertThat(atTheEnd.json().get("data").get("slug").asString()).isEqualTo(slug);
    }

    @Test
    void aDomainChangedAwayIsQuarantinedForOtherTenantsUntilThePeriodEnds() {
        String domain = unique("released") + ".example.com";
        String holder = api.create("{\"name\": \"Holder\", \"domain\": \"" + domain + "\"}");
        api.send("PATCH", "/api/tenants/" + holder, "{\"domain\": \"" + unique("moved") + ".example.com\"}");

        Api.Answer atOnce = api.post("{\"name\": \"Newcomer\", \"domain\": \"" + domain + "\"}");
        clock.stopAt(releasedAt.plus(claims.quarantine()).minus(JUST_UNDER));
        Api.Answer justBeforeTheEnd = api.post("{\"name\": \"Newcomer\", \"domain\": \"" + domain + "\"}");
        clock.stopAt(releasedAt.plus(claims.quarantine()));
        Api.Answer atTheEnd = api.post("{\"name\": \"Newcomer\", \"domain\": \"" + domain + "\"}");

        assertThat(atOnce.status()).as(atOnce.text()).isEqualTo(409);
        assertThat(atOnce.json().get("errors").has("domain")).isTrue();
        assertThat(justBeforeTheEnd.status()).as(justBeforeTheEnd.text()).isEqualTo(409);
        assertThat(atTheEnd.status()).as(atTheEnd.text()).isEqualTo(201);
    }

    @Test
    void theTenantThatReleasedASlugTakesItBackAndThenHoldsItBeyondTheQuarantine() {
        String slug = unique("returning");
        String moved = unique("moved");
        String holder = api.create("{\"name\": \"Holder\", \"slug\": \"" + slug + "\"}");
        api.send("PUT", "/api/tenants/" + holder + "/slug", "{\"slug\": \"" + moved + "\"}");

        Api.Answer takenBack = api.send("PUT", "/api/tenants/" + holder + "/slug", "{\"slug\": \"" + slug + "\"}");
        clock.stopAt(releasedAt.plus(claims.quarantine()).plusSeconds(1));
        Api.Answer afterTheQuarantine = api.post("{\"name\": \"Newcomer\", \"slug\": \"" + slug + "\"}");

        assertThat(takenBack.status()).as(takenBack.text()).isEqualTo(200);
        TenantSlugChanged back = (TenantSlugChanged) eventsOf(holder).get(2).getPayload();
        assertThat(back.oldSlug()).isEqualTo(moved);
        assertThat(back.newSlug()).isEqualTo(slug);
        assertThat(afterTheQuarantine.status()).as(afterTheQuarantine.text()).isEqualTo(409);
    }
}
