package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purge erases the tenant's personal data from the event store for real (README "Erasure"): the stored payloads
 * keep every event with the personal fields null, each erasure recorded so that the chain still verifies, the
 * snapshots and stored idempotent answers are gone, and the key of its sealed fields on the topic is destroyed.
 */
class TenantErasureIT extends WebIntegrationTest {

    private static final List<String> PERSONAL = List.of("Hauptstrasse 1", "Hafenweg 9", "10115", "Berlin", "Hamburg",
            "ada@example.com");

    /** A tenant with an address, a new address and a member: events 0 (created), 1 (profile), 2 (member). */
    private String tenantWithPersonalData(String idempotencyKey) {
        Api.Answer created = api.post("{\"name\": \"Erased\", \"slug\": \"" + unique("erased") + "\", \"address\": "
                        + "\"Hauptstrasse 1\", \"city\": \"Berlin\", \"post_code\": \"10115\", \"country_code\": \"DE\","
                        + " \"description\": \"Carrier\"}", "Idempotency-Key", idempotencyKey);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("data").get("id").asString();
        ok(api.send("PATCH", "/api/tenants/" + id, "{\"address\": \"Hafenweg 9\", \"city\": \"Hamburg\"}"));
        ok(api.send("POST", "/api/tenants/" + id + "/users", "{\"email\": \"ada@example.com\", \"status\": 1}"));
        return id;
    }

    private void ok(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isBetween(200, 299);
    }

    private void purge(String id) {
        ok(api.send("DELETE", "/api/tenants/" + id + "?purge=true", (String) null));
    }

    private String storedPayloads(String id) {
        return String.join("\n", jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number").param(id).query(String.class).list());
    }

    @Test
    void aPurgeErasesThePersonalFieldsFromEveryStoredEventAndKeepsTheRest() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());
        assertThat(storedPayloads(id)).contains(PERSONAL);

        purge(id);

        String stored = storedPayloads(id);
        assertThat(stored).doesNotContain(PERSONAL);
        assertThat(stored).contains("Carrier", "\"country_code\":\"DE\"", "\"status\":");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated", "TenantProfileChanged", "UserAdded",
                "TenantDeleted", "TenantPurged");
    }

    @Test
    void theErasureIsARecordedRedactionThatTheChainVerifies() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());

        purge(id);

        Api.Answer verified = api.send("GET", "/api/tenants/" + id + "/history/verify", (String) null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).as(verified.text()).isTrue();
        assertThat(verified.json().get("redactions")).extracting(JsonNode::asLong).containsExactly(0L, 1L, 2L);
        assertThat(jdbc.sql("SELECT reason FROM event_redaction WHERE tenant_id = ? ORDER BY sequence").param(id)
                .query(String.class).list()).hasSize(3)
                .allSatisfy(reason -> assertThat(reason).startsWith("tenant purged: personal fields email"));
    }

    @Test
    void aRedactedPayloadEditedAfterwardsIsStillFoundOut() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());
        purge(id);

        jdbc.sql("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Carrier', 'Forged'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 0").param(id).update();
        JsonNode verification = api.send("GET", "/api/tenants/" + id + "/history/verify", (String) null).json();

        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("first_broken").get("sequence").asLong()).isZero();
        assertThat(verification.get("first_broken").get("why").asString())
                .isEqualTo("the payload matches neither the chained digest nor its recorded redaction");
    }

    @Test
    void thePurgedTenantsHistoryStaysReadableWithThePersonalFieldsErased() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());
        purge(id);

        Api.Answer history = api.send("GET", "/api/tenants/" + id + "/history", (String) null);

        assertThat(history.status()).as(history.text()).isEqualTo(200);
        assertThat(history.text()).doesNotContain(PERSONAL);
        // the address and city it changed are erased on both sides of the change: it shows no change of them any more
        JsonNode profileChange = history.json().get("data").get(1).get("changes");
        assertThat(profileChange.has("address")).as(profileChange.toString()).isFalse();
        assertThat(profileChange.has("city")).as(profileChange.toString()).isFalse();
        assertThat(history.json().get("data")).extracting(entry -> entry.get("type").asString())
                .containsExactly("TenantCreated", "TenantProfileChanged", "UserAdded", "TenantDeleted", "TenantPurged");
    }

    @Test
    void thePurgeDeletesTheTenantsSnapshotsAndTheStoredAnswersThatNameIt() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());
        for (int extensions = 11; extensions <= 60; extensions++) {
            ok(api.send("PATCH", "/api/tenants/" + id, "{\"max_extensions\": " + extensions + "}"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots(id) > 0);
        assertThat(storedAnswersNaming(id)).isEqualTo(1);

        purge(id);

        assertThat(snapshots(id)).isZero();
        assertThat(storedAnswersNaming(id)).isZero();
    }

    private long storedAnswersNaming(String id) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE position(convert_to(?, 'UTF8') IN response_body) > 0")
                .param(id).query(Long.class).single();
    }

    private long snapshots(String id) {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(Long.class).single();
    }

    @Test
    void theTenantsKeyIsServedWhileItLivesAndGoneForEverAfterThePurge() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());
        Api downstream = Api.withToken(port, TestTokens.token().subject("provisioning").scopes(Scopes.TENANTS_READ).sign());
        jdbc.sql("INSERT INTO tenant_event_key (tenant_id, sealing_key, created_at) VALUES (?::uuid, ?, now()) "
                + "ON CONFLICT DO NOTHING").param(id).param(new byte[32]).update();

        Api.Answer key = downstream.send("GET", "/api/event-keys/" + id, (String) null);
        assertThat(key.status()).as(key.text()).isEqualTo(200);
        assertThat(key.json().get("algorithm").asString()).isEqualTo("A256GCM");
        assertThat(key.json().get("key").asString()).hasSize(43);
        purge(id);

        Api.Answer gone = downstream.send("GET", "/api/event-keys/" + id, (String) null);
        assertThat(gone.status()).as(gone.text()).isEqualTo(410);
        assertThat(gone.json().get("type").asString()).endsWith("event-key-shredded");
        assertThat(jdbc.sql("SELECT sealing_key IS NULL FROM tenant_event_key WHERE tenant_id = ?::uuid").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void manyTenantsKeysComeInOneAnswerEachTenantInOneList() {
        String live = tenantWithPersonalData(UUID.randomUUID().toString());
        jdbc.sql("INSERT INTO tenant_event_key (tenant_id, sealing_key, created_at) VALUES (?::uuid, ?, now()) "
                + "ON CONFLICT DO NOTHING").param(live).param(new byte[32]).update();
        String purged = tenantWithPersonalData(UUID.randomUUID().toString());
        purge(purged);
        String unknown = UUID.randomUUID().toString();

        Api.Answer answer = api.send("GET", "/api/event-keys?tenant_id=" + live + "&tenant_id=" + purged + "," + unknown,
                (String) null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("keys")).extracting(key -> key.get("tenant_id").asString()).containsExactly(live);
        assertThat(answer.json().get("keys").get(0).get("key").asString()).hasSize(43);
        assertThat(answer.json().get("shredded")).extracting(JsonNode::asString).containsExactly(purged);
        assertThat(answer.json().get("unknown")).extracting(JsonNode::asString).containsExactly(unknown);
    }

    @Test
    void aRequestForKeysNamesOneToAHundredTenantsByTheirIds() {
        String many = String.join(",", Stream.generate(() -> UUID.randomUUID().toString())
                .limit(101).toList());

        Api.Answer tooMany = api.send("GET", "/api/event-keys?tenant_id=" + many, (String) null);
        Api.Answer none = api.send("GET", "/api/event-keys", (String) null);
        Api.Answer notAnId = api.send("GET", "/api/event-keys?tenant_id=acme", (String) null);

        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get("tenant_id").get(0).asString()).contains("1 to 100");
        assertThat(none.status()).as(none.text()).isEqualTo(422);
        assertThat(notAnId.status()).as(notAnId.text()).isEqualTo(400);
        assertThat(notAnId.json().get("errors").has("tenant_id")).isTrue();
    }

    @Test
    void aKeyIsForDownstreamServicesThatReadEveryTenant() {
        String id = tenantWithPersonalData(UUID.randomUUID().toString());
        Api partnerBound = Api.withToken(port, TestTokens.token().subject("msp").claim("partner_id", "p-1")
                .scopes(Scopes.TENANTS_READ).sign());
        Api writerOnly = Api.withToken(port, TestTokens.token().subject("writer").scopes(Scopes.TENANTS_WRITE).sign());

        assertThat(partnerBound.send("GET", "/api/event-keys/" + id, (String) null).status()).isEqualTo(403);
        assertThat(writerOnly.send("GET", "/api/event-keys/" + id, (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/api/event-keys/" + UUID.randomUUID(), (String) null).status()).isEqualTo(404);
    }
}
