package org.tenantregistry.query.erasure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.UserAdded;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.CommandSideKeys;
import org.tenantregistry.query.support.KafkaIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tenantregistry.query.support.SealedEnvelopes.sealed;

/**
 * Envelopes whose personal fields travel sealed with their tenant's key, from the topic into all four read models,
 * with {@link CommandSideKeys} playing the command side's token and key endpoints on the loopback.
 */
class SealedEventsFromTheTopicIT extends KafkaIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final CommandSideKeys COMMAND_SIDE = CommandSideKeys.INSTANCE;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sealedFieldsReachTheReadModelsOpenedWhilePlaintextEnvelopesNeedNoKey() {
        TenantStream tenant = TenantStream.newTenant();
        byte[] key = COMMAND_SIDE.keyFor(tenant.tenantId());
        TenantStream old = TenantStream.newTenant();
        topic.publish(List.of(sealed(tenant.created("Sealed", "sealed-" + suffix(), null, "DE"), key),
                sealed(tenant.next(new UserAdded(tenant.tenantId(), UUID.randomUUID(), "ops@sealed.example",
                        MemberStatus.ACTIVE)), key),
                old.created("Plaintext", "plaintext-" + suffix(), null, "DE")));

        JsonNode shown = awaitOk("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant)).get("data");
        assertThat(shown.get("address").asString()).isEqualTo("Main street 1");
        assertThat(shown.get("city").asString()).isEqualTo("Berlin");
        assertThat(shown.get("post_code").asString()).isEqualTo("10115");
        assertThat(shown.get("users_count").asInt()).isEqualTo(1);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "/users").body().get("data").get(0).get("email")
                .asString()).isEqualTo("ops@sealed.example");
        assertEveryProjectionReached(tenant);
        JsonNode plaintext = awaitOk("/api/tenants/" + old.tenantId() + "?min_version=" + token(old)).get("data");
        assertThat(plaintext.get("address").asString()).isEqualTo("Main street 1");
        assertThat(COMMAND_SIDE.keyRequestsFor(old.tenantId())).isZero();
        // One request for the four projections and both events: the key is kept.
        assertThat(COMMAND_SIDE.keyRequestsFor(tenant.tenantId())).isEqualTo(1);
    }

    @Test
    void aPurgedTenantsSealedFieldsArriveErasedAndItsLaterEventsGoOn() {
        TenantStream tenant = TenantStream.newTenant();
        byte[] key = COMMAND_SIDE.keyFor(tenant.tenantId());
        COMMAND_SIDE.purge(tenant.tenantId());
        topic.publish(List.of(sealed(tenant.created("Erased", "erased-" + suffix(), null, "DE"), key),
                sealed(tenant.next(new UserAdded(tenant.tenantId(), UUID.randomUUID(), "gone@erased.example",
                        MemberStatus.ACTIVE)), key),
                tenant.next(new TenantRenamed(tenant.tenantId(), "Erased", "Erased Renamed"))));

        JsonNode shown = awaitOk("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant)).get("data");
        assertThat(shown.get("name").asString()).isEqualTo("Erased Renamed");
        assertThat(shown.get("address").isNull()).isTrue();
        assertThat(shown.get("city").isNull()).isTrue();
        assertThat(shown.get("post_code").isNull()).isTrue();
        assertThat(shown.get("country_code").asString()).isEqualTo("DE");
        assertThat(get("/api/tenants/" + tenant.tenantId() + "/users").body().get("data").get(0).get("email")
                .isNull()).isTrue();
        assertEveryProjectionReached(tenant);
        assertThat(deadLettersOf(tenant)).isEmpty();
    }

    @Test
    void whileTheCommandSideFailsOrIsDownTheEventWaitsAndIsAppliedOnceItIsBack() {
        TenantStream tenant = TenantStream.newTenant();
        byte[] key = COMMAND_SIDE.keyFor(tenant.tenantId());
        TenantEventEnvelope created = sealed(tenant.created("Waiting", "waiting-" + suffix(), null, "DE"), key);
        COMMAND_SIDE.failWith(503);
        try {
            topic.publish(created);
            await().atMost(PATIENCE).until(() -> COMMAND_SIDE.keyRequestsFor(tenant.tenantId()) >= 2);
            assertThat(get("/api/tenants/" + tenant.tenantId()).status()).isEqualTo(404);
            assertThat(eventKeysHealth().get("status").asString()).isEqualTo("DEGRADED");

            COMMAND_SIDE.stop();
            COMMAND_SIDE.failWith(0);
            // Down: the next attempt finds nobody listening, and says so in the health endpoint.
            await().atMost(PATIENCE).until(() -> eventKeysHealth().get("details").get("failure").asString()
                    .contains("cannot be had"));
            assertThat(get("/api/tenants/" + tenant.tenantId()).status()).isEqualTo(404);
            assertThat(deadLettersOf(tenant)).isEmpty();
        } finally {
            COMMAND_SIDE.failWith(0);
            COMMAND_SIDE.start();
        }

        JsonNode shown = awaitOk("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant)).get("data");
        assertThat(shown.get("address").asString()).isEqualTo("Main street 1");
        assertEveryProjectionReached(tenant);
        assertThat(deadLettersOf(tenant)).isEmpty();
        await().atMost(PATIENCE).until(() -> eventKeysHealth().get("status").asString().equals("UP"));
    }

    @Test
    void aValueThatDoesNotOpenAndATenantTheCommandSideDoesNotKnowBecomeDeadLettersStillSealedAndReplayOpened() {
        TenantStream forged = TenantStream.newTenant();
        COMMAND_SIDE.keyFor(forged.tenantId());
        TenantStream unknown = TenantStream.newTenant();
        byte[] unknownKey = randomKey();
        topic.publish(List.of(sealed(forged.created("Forged", "forged-" + suffix(), null, "DE"), randomKey()),
                sealed(unknown.created("Unknown", "unknown-" + suffix(), null, "DE"), unknownKey)));

        for (TenantStream tenant : List.of(forged, unknown)) {
            // one per projection: tenants, msp-statistics, resources and domains
            List<JsonNode> letters = await().atMost(PATIENCE).until(() -> deadLettersOf(tenant),
                    list -> list.size() == 4);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.get("reason").asString()).isEqualTo("malformed");
                assertThat(letter.get("attempts").asInt()).isEqualTo(1);
                assertThat(SealedFields.isSealed(letter.get("envelope").get("data").get("profile").get("address")))
                        .isTrue();
            });
            assertThat(get("/api/tenants/" + tenant.tenantId()).status()).isEqualTo(404);
        }
        // What went wrong underneath: the tag does not match the tenant's key; the command side's 404.
        assertThat(deadLettersOf(forged).get(0).get("error_class").asString()).endsWith("AEADBadTagException");
        assertThat(deadLettersOf(unknown).get(0).get("error_class").asString())
                .isEqualTo(EventKeyNotFoundException.class.getName());
        assertThat(deadLettersOf(unknown).get(0).get("error_message").asString()).contains("knows no tenant");
        // Nothing opened is stored outside the read models: parked events and dead letters keep the sealed text.
        assertThat(jdbc.sql("SELECT count(*) FROM projection_dead_letter WHERE tenant_id IN (:forged, :unknown) "
                        + "AND convert_from(envelope, 'UTF8') LIKE '%Main street%'")
                .param("forged", forged.tenantId()).param("unknown", unknown.tenantId())
                .query(Long.class).single()).isZero();

        // Once the command side knows the tenant (a 404 is not kept), a replay opens the stored, sealed envelope.
        COMMAND_SIDE.give(unknown.tenantId(), unknownKey);
        for (JsonNode letter : deadLettersOf(unknown)) {
            Api.Response replayed = post("/api/admin/dead-letters/" + letter.get("id").asLong() + "/replay", null);
            assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
            assertThat(replayed.body().get("applied").asInt()).isEqualTo(1);
        }
        JsonNode shown = awaitOk("/api/tenants/" + unknown.tenantId() + "?min_version=" + token(unknown)).get("data");
        assertThat(shown.get("address").asString()).isEqualTo("Main street 1");
        assertThat(deadLettersOf(unknown)).isEmpty();
    }

    private void assertEveryProjectionReached(TenantStream tenant) {
        String minVersion = "min_version=" + token(tenant);
        assertThat(get("/api/dashboard/msp?" + minVersion).status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "/users?" + minVersion).status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "/domains?" + minVersion).status()).isEqualTo(200);
    }

    private JsonNode awaitOk(String uri) {
        return await().atMost(PATIENCE).until(() -> get(uri), (Api.Response answer) -> answer.status() == 200).body();
    }

    private JsonNode eventKeysHealth() {
        return get("/actuator/health").body().get("components").get("eventKeys");
    }

    private List<JsonNode> deadLettersOf(TenantStream tenant) {
        return get("/api/admin/dead-letters?tenant_id=" + tenant.tenantId()).body().get("data").valueStream().toList();
    }

    private static String token(TenantStream tenant) {
        return tenant.tenantId() + ":" + tenant.version();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[SealedFields.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
