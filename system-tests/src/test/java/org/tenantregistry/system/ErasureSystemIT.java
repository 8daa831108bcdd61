package org.tenantregistry.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenantregistry.events.TenantTopics;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's erasure on the whole registry: a tenant's personal data is readable where it should be while the tenant
 * lives (the read models, through the sealed fields the query side opens), and after its purge it is nowhere: in no
 * table of either side's database, in no record a new consumer reads from the topic, in no read model rebuilt from
 * the topic; yet its history and its chain are still there.
 */
@ExtendWith(SharedSystem.class)
class ErasureSystemIT {

    private static RunningSystem system;

    @BeforeAll
    static void useTheWholeRegistry(RunningSystem shared) {
        system = shared;
    }

    @Test
    void aPurgedTenantsPersonalDataIsGoneFromBothDatabasesTheTopicAndARebuiltReadModel() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String street = "Erasure Street " + unique;
        String email = "erased-" + unique + "@example.com";
        List<String> personal = List.of(street, "PC-" + unique, email);
        Http api = system.client(system.baseUrl);
        Http.Answer created = api.send("POST", "/api/tenants", """
                {"name": "Erased %s", "address": "%s", "city": "Erfurt", "post_code": "PC-%s", "country_code": "DE",
                 "description": "kept after the purge %s"}""".formatted(unique, street, unique, unique));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("data").path("id").asString();
        Http.Answer member = api.send("POST", "/api/tenants/" + id + "/users",
                "{\"email\": \"" + email + "\", \"status\": 1}");
        assertThat(member.status()).as(member.body().toString()).isEqualTo(201);

        // while the tenant lives, the query side opens the sealed fields for its readers
        JsonNode read = api.get("/api/tenants/" + id + "?min_version=" + id + ":2").body().path("data");
        assertThat(read.path("address").asString()).isEqualTo(street);
        assertThat(api.get("/api/tenants/" + id + "/users?min_version=" + id + ":2").body().toString())
                .contains(email);
        assertThat(recordsOf(id, 2)).allSatisfy(record -> assertThat(record).doesNotContain(personal));

        Http.Answer purged = api.send("DELETE", "/api/tenants/" + id + "?purge=true", null);
        assertThat(purged.status()).as(purged.body().toString()).isEqualTo(200);

        await("the read models drop the tenant").atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/tenants/" + id).status() == 404);
        assertThat(PersonalDataScan.rowsHolding(system.jdbcUrl(RunningSystem.COMMAND_DATABASE),
                system.databaseUser(), personal)).as("command side tables holding the personal data").isEmpty();
        await("the query side holds none of it").atMost(Duration.ofSeconds(60))
                .until(() -> PersonalDataScan.rowsHolding(system.jdbcUrl(RunningSystem.QUERY_DATABASE),
                        system.databaseUser(), personal).isEmpty());
        List<String> records = recordsOf(id, 5);
        assertThat(records).allSatisfy(record -> assertThat(record).doesNotContain(personal));
        assertThat(records.get(0)).contains("kept after the purge " + unique);
        Http.Answer key = api.get("/api/event-keys/" + id);
        assertThat(key.status()).isEqualTo(410);

        JsonNode verification = api.get("/api/tenants/" + id + "/history/verify").body();
        assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("redactions")).extracting(JsonNode::asLong).containsExactly(0L, 1L);
        assertThat(api.get("/api/tenants/" + id + "/history").body().path("data")).extracting(entry -> entry.path("type").asString())
                .containsExactly("TenantCreated", "UserAdded", "TenantDeleted", "TenantPurged");

        // rebuilt from the topic, where the sealed fields no longer open for anyone
        for (String projection : List.of("tenants", "resources")) {
            Http.Answer rebuild = api.send("POST", "/api/admin/projections/" + projection + "/rebuild", null);
            assertThat(rebuild.status()).as(rebuild.body().toString()).isEqualTo(202);
            await("the rebuild of " + projection).atMost(Duration.ofMinutes(3)).until(() -> !"running".equals(
                    api.get("/api/admin/projections/" + projection + "/rebuild").body().path("state").asString()));
            assertThat(api.get("/api/admin/projections/" + projection + "/rebuild").body().path("state").asString())
                    .isEqualTo("done");
        }
        assertThat(PersonalDataScan.rowsHolding(system.jdbcUrl(RunningSystem.QUERY_DATABASE),
                system.databaseUser(), personal)).as("query side tables after the rebuild").isEmpty();
    }

    /** The tenant's records as a new consumer reads them from the topic's start, as text (a tombstone as ""). */
    private static List<String> recordsOf(String tenantId, int atLeast) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TenantTopics.TENANT_EVENTS));
            List<String> records = new ArrayList<>();
            await("records of " + tenantId).atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (tenantId.equals(record.key())) {
                        records.add(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
                return records.size() >= atLeast;
            });
            return records;
        }
    }
}
