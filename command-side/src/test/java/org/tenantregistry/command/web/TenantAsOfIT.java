package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant as it was, over real HTTP, from the real event store: after its first n events, and after the last event
 * at or before an instant, resource counts and custom domains included; nothing before it was created.
 */
class TenantAsOfIT extends WebIntegrationTest {

    private record Past(String id, List<Instant> times) {
    }

    /** Version 1: created with 10 extensions; 2: one registered; 3: 20 allowed; 4: a custom domain added. */
    private Past tenantWithFourVersions() {
        String id = api.create("{\"name\": \"As of\", \"slug\": \"" + unique("asof") + "\", \"max_extensions\": 10}");
        assertThat(api.send("POST", "/api/tenants/" + id + "/extensions", "{\"number\": \"100\", \"name\": \"Desk\"}")
                .status()).isEqualTo(201);
        assertThat(api.send("PATCH", "/api/tenants/" + id, "{\"max_extensions\": 20}").status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/tenants/" + id + "/domains?domain=" + unique("asof") + ".example.com",
                (String) null).status()).isEqualTo(201);
        List<Instant> times = new ArrayList<>();
        api.send("GET", "/api/tenants/" + id + "/history", (String) null).json().get("data")
                .forEach(entry -> times.add(Instant.parse(entry.get("occurred_at").asString())));
        assertThat(times).hasSize(4);
        return new Past(id, times);
    }

    private Api.Answer asOf(String id, String query) {
        return api.send("GET", "/api/tenants/" + id + "?" + query, (String) null);
    }

    private JsonNode tenant(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("data");
    }

    @Test
    void eachVersionAnswersTheTenantAsItWasAfterThatManyEvents() {
        Past past = tenantWithFourVersions();

        Api.Answer first = asOf(past.id(), "at_version=1");
        JsonNode second = tenant(asOf(past.id(), "at_version=2"));
        JsonNode third = tenant(asOf(past.id(), "at_version=3"));
        JsonNode fourth = tenant(asOf(past.id(), "at_version=4"));

        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().get("message").asString()).isEqualTo("Tenant loaded successfully.");
        assertThat(tenant(first).get("version").asLong()).isEqualTo(1);
        assertThat(tenant(first).get("max_extensions").asInt()).isEqualTo(10);
        assertThat(tenant(first).get("extensions_count").asInt()).isZero();
        assertThat(tenant(first).get("domains")).isEmpty();
        assertThat(second.get("extensions_count").asInt()).isEqualTo(1);
        assertThat(second.get("max_extensions").asInt()).isEqualTo(10);
        assertThat(third.get("max_extensions").asInt()).isEqualTo(20);
        assertThat(fourth.get("domains")).hasSize(1);
        assertThat(fourth.get("domains").get(0).get("status").asString()).isEqualTo("pending");
        assertThat(fourth.get("domains").get(0).get("is_primary").asBoolean()).isFalse();
        assertThat(fourth.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void anInstantAnswersTheTenantAfterItsLastEventAtOrBeforeIt() {
        Past past = tenantWithFourVersions();

        for (int event = 0; event < 4; event++) {
            Instant at = past.times().get(event);
            long expected = past.times().stream().filter(time -> !time.isAfter(at)).count();
            Api.Answer answer = asOf(past.id(), "as_of=" + at);
            assertThat(tenant(answer).get("version").asLong()).as("as of event " + event).isEqualTo(expected);
            assertThat(answer.header("ETag")).isEqualTo("\"" + expected + "\"");
        }
        Instant betweenTheSecondAndTheThird = past.times().get(2).minus(1, ChronoUnit.MILLIS);
        long expected = past.times().stream().filter(time -> !time.isAfter(betweenTheSecondAndTheThird)).count();
        assertThat(tenant(asOf(past.id(), "as_of=" + betweenTheSecondAndTheThird)).get("version").asLong())
                .isEqualTo(expected);
        assertThat(tenant(asOf(past.id(), "as_of=" + Instant.now().plus(1, ChronoUnit.DAYS))).get("version")
                .asLong()).isEqualTo(4);
    }

    @Test
    void anInstantWithAnOffsetIsTheSameInstant() {
        Past past = tenantWithFourVersions();
        String withOffset = past.times().get(1).atOffset(ZoneOffset.ofHours(2)).toString();

        JsonNode encoded = tenant(asOf(past.id(), "as_of=" + withOffset.replace("+", "%2B")));
        JsonNode unencoded = tenant(asOf(past.id(), "as_of=" + withOffset));

        assertThat(encoded.get("version").asLong()).isEqualTo(unencoded.get("version").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void beforeItWasCreatedTheTenantIsNotFound() {
        Past past = tenantWithFourVersions();

        Api.Answer before = asOf(past.id(), "as_of=" + past.times().get(0).minus(1, ChronoUnit.MILLIS));
        Api.Answer beyond = asOf(past.id(), "at_version=5");
        Api.Answer unknown = asOf(UUID.randomUUID().toString(), "at_version=1");

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().get("type").asString()).endsWith("tenant-not-found");
        assertThat(before.json().get("detail").asString()).contains("did not exist yet");
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(beyond.json().get("detail").asString()).contains("latest is 4");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aPurgedTenantIsFoundAsItWasBeforeThePurgeOnly() {
        String id = api.create("{\"name\": \"Purged later\", \"slug\": \"" + unique("purged") + "\"}");
        assertThat(api.send("DELETE", "/api/tenants/" + id + "?purge=true", (String) null).status()).isEqualTo(200);

        assertThat(tenant(asOf(id, "at_version=1")).get("status").asString()).isEqualTo("active");
        assertThat(tenant(asOf(id, "at_version=2")).get("status").asString()).isEqualTo("deleted");
        assertThat(asOf(id, "at_version=3").status()).isEqualTo(404);
        assertThat(asOf(id, "as_of=" + Instant.now().plus(1, ChronoUnit.MINUTES)).json().get("detail").asString())
                .contains("purged");
    }

    @Test
    void badOrMissingParametersAreProblemsNamingThem() {
        Past past = tenantWithFourVersions();

        Api.Answer none = api.send("GET", "/api/tenants/" + past.id(), (String) null);
        Api.Answer notAnInstant = asOf(past.id(), "as_of=last-tuesday");
        Api.Answer notANumber = asOf(past.id(), "at_version=three");
        Api.Answer zero = asOf(past.id(), "at_version=0");
        Api.Answer both = asOf(past.id(), "at_version=1&as_of=" + past.times().get(0));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").has("as_of")).isTrue();
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.json().get("errors").has("as_of")).isTrue();
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").has("at_version")).isTrue();
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().get("errors").has("at_version")).isTrue();
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().get("errors").has("at_version")).isTrue();
    }

    @Test
    void anMspAdminReadsItsPartnersTenantsAsTheyWereOnly() {
        String id = api.create("{\"name\": \"Partnered past\", \"slug\": \"" + unique("partnered")
                + "\", \"partner_id\": \"partner-asof-a\"}");

        Api.Answer ours = Api.withToken(port, TestTokens.token().partner("partner-asof-a").sign())
                .send("GET", "/api/tenants/" + id + "?at_version=1", (String) null);
        Api.Answer theirs = Api.withToken(port, TestTokens.token().partner("partner-asof-b").sign())
                .send("GET", "/api/tenants/" + id + "?at_version=1", (String) null);

        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(404);
    }
}
