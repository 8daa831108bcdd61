package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.DeleteTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.events.TenantTopics;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/admin/republish} against a real broker: the topic gets the stored events again, each record the very
 * one the publisher sent (key, value bytes, headers, the tombstone after a purge); only operators may ask for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepublishIT extends WithEmbeddedKafka {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTenantsEventsReachTheTopicAgainAsTheVeryRecordsThePublisherSent() {
        UUID tenant = UUID.randomUUID();
        create(tenant, "Republished One");
        commands.sendAndWait(new SuspendTenant(tenant, 1L, "unpaid"));
        commands.sendAndWait(new UpdateTenant(tenant, 2L, KafkaPublisherIT.draft("Republished Renamed")));
        awaitPublished(tenant, 2);

        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(PATIENCE).until(() -> topic.of(tenant.toString()).size() == 3);

            Answer started = post("{\"tenant_id\": \"" + tenant + "\"}", TestTokens.admin());
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            assertThat(started.json().get("total").asLong()).isEqualTo(3);
            assertThat(started.json().get("tenant_id").asString()).isEqualTo(tenant.toString());
            JsonNode done = awaitJobEnded();
            assertThat(done.get("state").asString()).isEqualTo("done");
            assertThat(done.get("done").asLong()).isEqualTo(3);

            await().atMost(PATIENCE).until(() -> topic.of(tenant.toString()).size() == 6);
            List<ConsumerRecord<String, byte[]>> records = topic.of(tenant.toString());
            for (int i = 0; i < 3; i++) {
                assertSameRecord(records.get(i + 3), records.get(i));
            }

            Answer fromOne = post("{\"tenant_id\": \"" + tenant + "\", \"from_sequence\": 1}", TestTokens.admin());
            assertThat(fromOne.status()).as(fromOne.text()).isEqualTo(202);
            assertThat(fromOne.json().get("total").asLong()).isEqualTo(2);
            assertThat(awaitJobEnded().get("state").asString()).isEqualTo("done");
            await().atMost(PATIENCE).until(() -> topic.of(tenant.toString()).size() == 8);
            records = topic.of(tenant.toString());
            assertSameRecord(records.get(6), records.get(1));
            assertSameRecord(records.get(7), records.get(2));
        }
    }

    @Test
    void everyTenantsEventsFromAGlobalPositionOnReachTheTopicAgainWithTheTombstoneAfterAPurge() {
        UUID before = UUID.randomUUID();
        UUID purged = UUID.randomUUID();
        create(before, "Before The Position");
        awaitPublished(before, 0);
        create(purged, "Purged Later");
        commands.sendAndWait(new DeleteTenant(purged, 1L));
        commands.sendAndWait(new PurgeTenant(purged, 2L));
        awaitPublished(purged, 2);
        long position = jdbc.sql("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(purged.toString()).query(Long.class).single();

        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(PATIENCE).until(() -> topic.of(purged.toString()).size() == 4
                    && topic.of(before.toString()).size() == 1);

            Answer started = post("{\"from_position\": " + position + "}", TestTokens.admin());
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            assertThat(started.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(awaitJobEnded().get("state").asString()).isEqualTo("done");

            await().atMost(PATIENCE).until(() -> topic.of(purged.toString()).size() == 8);
            List<ConsumerRecord<String, byte[]>> records = topic.of(purged.toString());
            for (int i = 0; i < 4; i++) {
                assertSameRecord(records.get(i + 4), records.get(i));
            }
            assertThat(records.get(7).value()).as("tombstone after the purge, again").isNull();
            assertThat(topic.of(before.toString())).as("an event before the position").hasSize(1);
        }
    }

    @Test
    void onlyAnOperatorMayRepublishAndABadRequestIsRefusedWithAProblem() {
        UUID tenant = UUID.randomUUID();
        create(tenant, "Guarded One");
        String body = "{\"tenant_id\": \"" + tenant + "\"}";

        assertThat(post(body, null).status()).isEqualTo(401);
        assertThat(post(body, TestTokens.token().scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE).sign()).status())
                .as("a token without registry:admin").isEqualTo(403);
        assertThat(post(body, TestTokens.token().partner("partner-republish").sign()).status())
                .as("an MSP admin's token, every scope, bound to a partner").isEqualTo(403);
        assertThat(post(body, TestTokens.token().tenant(tenant.toString()).sign()).status())
                .as("a client admin's token, every scope, bound to the tenant").isEqualTo(403);
        assertThat(get(TestTokens.token().partner("partner-republish").sign()).status()).isEqualTo(403);

        Answer both = post("{\"tenant_id\": \"" + tenant + "\", \"from_position\": 0}", TestTokens.admin());
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().get("errors").has("from_position")).isTrue();
        Answer neither = post("{}", TestTokens.admin());
        assertThat(neither.status()).isEqualTo(422);
        assertThat(neither.json().get("errors").has("tenant_id")).isTrue();
        assertThat(post("{\"tenant_id\": \"not-a-uuid\"}", TestTokens.admin()).status()).isEqualTo(422);
        Answer unknown = post("{\"tenant_id\": \"" + UUID.randomUUID() + "\"}", TestTokens.admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static void assertSameRecord(ConsumerRecord<String, byte[]> again, ConsumerRecord<String, byte[]> first) {
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(again.partition()).isEqualTo(first.partition());
        assertThat(again.value() == null ? null : Arrays.toString(again.value()))
                .isEqualTo(first.value() == null ? null : Arrays.toString(first.value()));
        assertThat(headers(again)).isEqualTo(headers(first));
    }

    private static List<String> headers(ConsumerRecord<String, byte[]> record) {
        return Arrays.stream(record.headers().toArray())
                .map(header -> header.key() + "=" + Arrays.toString(header.value())).toList();
    }

    private void create(UUID id, String name) {
        assertThat(commands.<TenantState>sendAndWait(new CreateTenant(id, KafkaPublisherIT.draft(name))).version())
                .isEqualTo(1L);
    }

    private void awaitPublished(UUID tenant, long sequence) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT last_sequence FROM published_sequence WHERE tenant_id = ?")
                .param(tenant.toString()).query(Long.class).optional().orElse(-1L) >= sequence);
    }

    private JsonNode awaitJobEnded() {
        return await().atMost(PATIENCE).until(() -> get(TestTokens.admin()).json(),
                job -> !job.get("state").asString().equals("running"));
    }

    private Answer post(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private Answer get(String token) {
        return send(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + token).GET());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/admin/republish");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, java.net.http.HttpHeaders headers, String text) {

        JsonNode json() {
            return JSON.readTree(text);
        }
    }
}
