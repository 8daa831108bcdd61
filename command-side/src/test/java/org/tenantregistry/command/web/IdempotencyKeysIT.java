package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.security.TestTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysIT extends WebIntegrationTest {

    /** How the test admin's keys are scoped: its token's subject, no client id. */
    private static final String TEST_ADMIN = "test-admin";

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String slug = unique("idempotent");
        String body = "{\"name\": \"Idempotent\", \"slug\": \"" + slug + "\"}";

        Api.Answer first = api.post(body, "Idempotency-Key", key);
        Api.Answer retry = api.post(body, "Idempotency-Key", key, "X-Request-Id", "req-retry");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo("\"1\"");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("X-Request-Id")).isEqualTo("req-retry");
        assertThat(createdWithSlug(slug)).isEqualTo(1);
    }

    @Test
    void aRetriedRegistrationOfAResourceGetsTheFirstAnswerAndRegistersNothing() {
        String id = api.create("{\"name\": \"Idempotent resources\"}");
        String key = UUID.randomUUID().toString();
        String body = "{\"number\": \"301\", \"name\": \"Front desk\"}";

        Api.Answer first = api.send("POST", "/api/tenants/" + id + "/extensions", body, "Idempotency-Key", key);
        Api.Answer retry = api.send("POST", "/api/tenants/" + id + "/extensions", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).as("not a 409 for a number the first registered").isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated", "ExtensionRegistered");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        String slug = unique("first-body");
        api.post("{\"name\": \"First\", \"slug\": \"" + slug + "\"}", "Idempotency-Key", key);

        Api.Answer other = api.post("{\"name\": \"Other\", \"slug\": \"" + slug + "-2\"}", "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString())
                .isEqualTo("urn:tenant-registry:problem:idempotency-key-other-request");
        assertThat(createdWithSlug(slug + "-2")).isZero();
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIsRefusedWith409() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Still running\"}";
        jdbc.sql("INSERT INTO idempotency_key (idempotency_key, fingerprint, created_at) VALUES (?, ?, ?)")
                .params(IdempotencyKeys.scoped(TEST_ADMIN, key), fingerprint("POST", "/api/tenants", body),
                        Timestamp.from(Instant.now()))
                .update();

        Api.Answer retry = api.post(body, "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("type").asString()).isEqualTo("urn:tenant-registry:problem:idempotency-key-in-flight");
    }

    @Test
    void aKeyOlderThanTheRetentionCountsAsNew() {
        String key = UUID.randomUUID().toString();
        String slug = unique("expired");
        String body = "{\"name\": \"Expired\", \"slug\": \"" + slug + "\"}";
        jdbc.sql("""
                        INSERT INTO idempotency_key (idempotency_key, fingerprint, response_status, response_headers,
                                                     response_body, created_at) VALUES (?, ?, 201, '{}', ?, ?)""")
                .params(IdempotencyKeys.scoped(TEST_ADMIN, key), fingerprint("POST", "/api/tenants", body),
                        "{\"stale\": true}".getBytes(),
                        Timestamp.from(Instant.now().minus(Duration.ofHours(25))))
                .update();

        Api.Answer answer = api.post(body, "Idempotency-Key", key);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Idempotent-Replayed")).isNull();
        assertThat(createdWithSlug(slug)).isEqualTo(1);
    }

    @Test
    void clientErrorsAreRememberedButTheKeyMustBeUsable() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"name\": \"\"}";

        Api.Answer first = api.post(invalid, "Idempotency-Key", key);
        Api.Answer retry = api.post(invalid, "Idempotency-Key", key);
        Api.Answer tooLong = api.post("{\"name\": \"x\"}", "Idempotency-Key", "k".repeat(300));

        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void aRetryAfterTheStoredAnswerWasLostFindsTheFirstTenantInsteadOfCreatingAnother() {
        String key = UUID.randomUUID().toString();
        String name = unique("answer-lost");
        String body = "{\"name\": \"" + name + "\"}";
        Api.Answer first = api.post(body, "Idempotency-Key", key);
        // as if the process died after the create committed, before its answer was stored
        jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = ?")
                .param(IdempotencyKeys.scoped(TEST_ADMIN, key)).update();

        Api.Answer retry = api.post(body, "Idempotency-Key", key);
        Api.Answer again = api.post(body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.json().get("data").get("id").asString()).isEqualTo(first.json().get("data").get("id").asString());
        assertThat(retry.json().get("data").get("slug").asString()).isEqualTo(first.json().get("data").get("slug").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).isEqualTo(retry.text());
        assertThat(createdWithName(name)).isEqualTo(1);
    }

    @Test
    void aRetryAfterAClaimWasAbandonedByACrashFindsTheFirstTenant() {
        String key = UUID.randomUUID().toString();
        String name = unique("claim-abandoned");
        String body = "{\"name\": \"" + name + "\"}";
        Api.Answer first = api.post(body, "Idempotency-Key", key);
        // as if the answer had never been stored: the claim is left in flight, older than the in-flight timeout
        jdbc.sql("""
                        UPDATE idempotency_key SET response_status = NULL, response_headers = NULL, response_body = NULL,
                               created_at = ? WHERE idempotency_key = ?""")
                .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))),
                        IdempotencyKeys.scoped(TEST_ADMIN, key))
                .update();

        Api.Answer retry = api.post(body, "Idempotency-Key", key);

        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.json().get("data").get("id").asString()).isEqualTo(first.json().get("data").get("id").asString());
        assertThat(createdWithName(name)).isEqualTo(1);
    }

    @Test
    void twoCallersWithTheSameKeyGetTwoTenants() {
        String key = UUID.randomUUID().toString();
        String name = unique("two-callers");
        String body = "{\"name\": \"" + name + "\"}";

        String aliceToken = "Bearer " + TestTokens.token().subject("alice@example.com").sign();
        String bobToken = "Bearer " + TestTokens.token().subject("bob@example.com").sign();

        Api.Answer alice = api.post(body, "Idempotency-Key", key, "Authorization", aliceToken);
        Api.Answer bob = api.post(body, "Idempotency-Key", key, "Authorization", bobToken);
        Api.Answer aliceAgain = api.post(body, "Idempotency-Key", key, "Authorization", aliceToken);

        assertThat(alice.status()).isEqualTo(201);
        assertThat(bob.status()).isEqualTo(201);
        assertThat(bob.header("Idempotent-Replayed")).isNull();
        assertThat(bob.json().get("data").get("id").asString()).isNotEqualTo(alice.json().get("data").get("id").asString());
        assertThat(aliceAgain.json().get("data").get("id").asString()).isEqualTo(alice.json().get("data").get("id").asString());
        assertThat(createdWithName(name)).isEqualTo(2);
    }

    private int createdWithName(String name) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.tenantregistry.events.TenantCreated'
                           AND convert_from(payload, 'UTF8') LIKE ?""")
                .param("%\"name\":\"" + name + "\"%")
                .query(Integer.class).single();
    }

    private int createdWithSlug(String slug) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.tenantregistry.events.TenantCreated'
                           AND convert_from(payload, 'UTF8') LIKE ?""")
                .param("%\"slug\":\"" + slug + "\"%")
                .query(Integer.class).single();
    }

    static String fingerprint(String method, String path, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
