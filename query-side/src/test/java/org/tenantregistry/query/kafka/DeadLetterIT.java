package org.tenantregistry.query.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.query.projection.ProjectionRunner;
import org.tenantregistry.query.statistics.MspStatisticsProjection;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.KafkaIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.query.tenant.TenantProjection;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events a projection cannot apply, sent straight to the topic as a broken or newer publisher would (the command side
 * refuses such names now): they become dead letters, their tenant's later events wait behind them, every other
 * tenant goes on, and operators see, replay or skip them.
 */
class DeadLetterIT extends KafkaIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ProjectionRunner runner;

    @Autowired
    TenantProjection tenants;

    @Autowired
    MspStatisticsProjection statistics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNameThatPostgresCannotStoreIsDeadLetteredWhileOtherTenantsOnItsPartitionGoOnAndAReplayAfterTheFixAppliesIt() {
        TenantStream poison = TenantStream.newTenant();
        TenantStream other = onTheSamePartitionAs(poison);
        TenantEventEnvelope created = poison.created("Poison\u0000Pill", "poison-" + suffix(), null, "DE");
        TenantEventEnvelope renamed = poison.next(new TenantRenamed(poison.tenantId(), "Poison\u0000Pill", "Cured"));
        double gaugeBefore = openDeadLetters(TenantProjection.NAME);
        double deadLetteredBefore = deadLettered(TenantProjection.NAME);

        topic.publish(List.of(created, renamed, other.created("Bystander", "bystander-" + suffix(), null, "DE")));

        await().atMost(PATIENCE)
                .until(() -> get("/api/tenants/" + other.tenantId() + "?min_version=" + token(other)).status() == 200);
        JsonNode deadLetter = await().atMost(PATIENCE).until(() -> deadLettersOf(poison), list -> list.size() == 1)
                .get(0);
        assertThat(deadLetter.get("projection").asString()).isEqualTo(TenantProjection.NAME);
        assertThat(deadLetter.get("sequence").asLong()).isZero();
        assertThat(deadLetter.get("event_type").asString()).isEqualTo("TenantCreated");
        assertThat(deadLetter.get("reason").asString()).isEqualTo("data-error");
        assertThat(deadLetter.get("error_message").asString()).contains("SQLState 22");
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(3);
        assertThat(deadLetter.get("status").asString()).isEqualTo("open");
        assertThat(deadLetter.get("envelope").get("data").get("name").asString()).isEqualTo("Poison\u0000Pill");
        await().atMost(PATIENCE).until(() -> runner.parkedCount(tenants, poison.tenantId()) == 1);
        assertThat(get("/api/tenants/" + poison.tenantId()).status()).isEqualTo(404);
        Api.Response waiting = get("/api/tenants/" + poison.tenantId() + "?min_version=" + token(poison));
        assertThat(waiting.status()).isEqualTo(503);
        // The statistics never look at the name: that projection has it all.
        assertThat(get("/api/dashboard/msp?min_version=" + token(poison)).status()).isEqualTo(200);
        assertThat(openDeadLetters(TenantProjection.NAME)).isEqualTo(gaugeBefore + 1);
        assertThat(deadLettered(TenantProjection.NAME)).isEqualTo(deadLetteredBefore + 1);
        Api.Response health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.body().get("components").get("deadLetters").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.body().get("components").get("deadLetters").get("details").get("open")
                .get(TenantProjection.NAME).asLong()).isPositive();
        assertThat(get("/actuator/health/readiness").body().get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").body().get("status").asString()).isEqualTo("UP");
        long id = deadLetter.get("id").asLong();

        Api.Response unfixed = post("/api/admin/dead-letters/" + id + "/replay", null);

        assertThat(unfixed.status()).isEqualTo(409);
        assertThat(unfixed.contentType()).isEqualTo("application/problem+json");
        assertThat(unfixed.body().get("type").asString()).isEqualTo("urn:tenant-registry:problem:replay-failed");
        assertThat(unfixed.body().get("dead_letter").get("attempts").asInt()).isEqualTo(4);
        assertThat(unfixed.body().get("dead_letter").get("error_message").asString()).contains("SQLState 22");
        assertThat(deadLettersOf(poison)).hasSize(1);

        correctTheStoredName(id, "Poison Pill");
        Api.Response replayed = post("/api/admin/dead-letters/" + id + "/replay", null);

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("applied").asInt()).isEqualTo(2);
        assertThat(replayed.body().get("version").asLong()).isEqualTo(2);
        assertThat(replayed.body().get("next_dead_letter_id").isNull()).isTrue();
        JsonNode cured = get("/api/tenants/" + poison.tenantId() + "?min_version=" + token(poison)).body().get("data");
        assertThat(cured.get("name").asString()).isEqualTo("Cured");
        assertThat(cured.get("version").asLong()).isEqualTo(2);
        assertThat(deadLettersOf(poison)).isEmpty();
        assertThat(runner.parkedCount(tenants, poison.tenantId())).isZero();
        assertThat(openDeadLetters(TenantProjection.NAME)).isEqualTo(gaugeBefore);
        assertThat(post("/api/admin/dead-letters/" + id + "/replay", null).status()).isEqualTo(404);
    }

    @Test
    void anUnknownEventTypeIsParkedNotCountedAsAppliedAndASkipRecordsTheDecisionAndAppliesWhatWaited() {
        TenantStream tenant = TenantStream.newTenant();
        topic.publish(List.of(tenant.created("Tolerant", "tolerant-" + suffix(), null, "DE"),
                tenant.unknown("TenantHibernated"),
                tenant.next(new TenantRenamed(tenant.tenantId(), "Tolerant", "Tolerant Reader"))));

        // one per projection: tenants, msp-statistics, resources and domains
        List<JsonNode> deadLetters = await().atMost(PATIENCE).until(() -> deadLettersOf(tenant),
                list -> list.size() == 4);
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(letter.get("reason").asString()).isEqualTo("unknown-type");
            assertThat(letter.get("event_type").asString()).isEqualTo("TenantHibernated");
            assertThat(letter.get("sequence").asLong()).isEqualTo(1);
            assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        });
        await().atMost(PATIENCE).until(() -> runner.parkedCount(tenants, tenant.tenantId()) == 1
                && runner.parkedCount(statistics, tenant.tenantId()) == 1);
        Api.Response notCaughtUp = get("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant));
        assertThat(notCaughtUp.status()).isEqualTo(503);
        assertThat(get("/api/tenants/" + tenant.tenantId()).body().get("data").get("version").asLong()).isEqualTo(1);

        for (JsonNode letter : deadLetters) {
            Api.Response skipped = post("/api/admin/dead-letters/" + letter.get("id").asLong() + "/skip",
                    "{\"reason\": \"TenantHibernated changes nothing these read models show\"}");
            assertThat(skipped.status()).isEqualTo(200);
            assertThat(skipped.body().get("applied").asInt()).isEqualTo(1);
            assertThat(skipped.body().get("version").asLong()).isEqualTo(3);
        }

        JsonNode body = get("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant)).body().get("data");
        assertThat(body.get("version").asLong()).isEqualTo(3);
        assertThat(body.get("name").asString()).isEqualTo("Tolerant Reader");
        assertThat(deadLettersOf(tenant)).isEmpty();
        JsonNode decisions = get("/api/admin/dead-letters?status=skipped&tenant_id=" + tenant.tenantId()).body();
        assertThat(decisions.get("meta").get("total").asLong()).isEqualTo(4);
        assertThat(decisions.get("data").get(0).get("skip_reason").asString()).contains("changes nothing");
        assertThat(decisions.get("data").get(0).get("skipped_by").asString()).isEqualTo("test-admin");
    }

    @Test
    void theDeadLetterEndpointsAnswerBadRequestsWithProblemDetails() {
        Api.Response badTenant = get("/api/admin/dead-letters?tenant_id=nope&per_page=500&projection=nope");
        assertThat(badTenant.status()).isEqualTo(400);
        assertThat(badTenant.body().get("errors").propertyNames())
                .contains("tenant_id", "per_page", "projection");
        Api.Response badProjection = get("/api/admin/dead-letters?projection=nope&status=gone");
        assertThat(badProjection.status()).isEqualTo(422);
        assertThat(badProjection.body().get("errors").propertyNames()).contains("projection", "status");
        assertThat(post("/api/admin/dead-letters/123456789/replay", null).status()).isEqualTo(404);
        assertThat(post("/api/admin/dead-letters/x/replay", null).status()).isEqualTo(400);
        assertThat(post("/api/admin/dead-letters/123456789/skip", "{\"reason\": \" \"}").status()).isEqualTo(422);
        assertThat(post("/api/admin/dead-letters/replay?tenant_id=" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
        assertThat(post("/api/admin/dead-letters/replay", null).status()).isEqualTo(422);
    }

    /** Stands in for the fix: a corrected event, or a deploy whose projection stores such a name. */
    private void correctTheStoredName(long id, String name) {
        byte[] stored = jdbc.sql("SELECT envelope FROM projection_dead_letter WHERE id = :id").param("id", id)
                .query(byte[].class).single();
        String corrected = new String(stored, StandardCharsets.UTF_8).replace("Poison\\u0000Pill", name);
        jdbc.sql("UPDATE projection_dead_letter SET envelope = :envelope WHERE id = :id")
                .param("envelope", corrected.getBytes(StandardCharsets.UTF_8)).param("id", id).update();
    }

    private List<JsonNode> deadLettersOf(TenantStream tenant) {
        JsonNode page = get("/api/admin/dead-letters?tenant_id=" + tenant.tenantId()).body();
        return page.get("data").valueStream().toList();
    }

    private double openDeadLetters(String projection) {
        return registry.get("tenant.registry.query.projection.dead.letters").tag("projection", projection).gauge()
                .value();
    }

    private double deadLettered(String projection) {
        return registry.find("tenant.registry.query.projection.dead.lettered").tag("projection", projection)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private static TenantStream onTheSamePartitionAs(TenantStream tenant) {
        int partition = partitionOf(tenant);
        TenantStream other = TenantStream.newTenant();
        while (partitionOf(other) != partition) {
            other = TenantStream.newTenant();
        }
        return other;
    }

    /** Where Kafka's default partitioner puts a key. */
    private static int partitionOf(TenantStream tenant) {
        byte[] key = tenant.tenantId().toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
    }

    private static String token(TenantStream tenant) {
        return tenant.tenantId() + ":" + tenant.version();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
