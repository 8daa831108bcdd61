package org.tenantregistry.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;
import org.tenantregistry.support.security.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tenantregistry.command.publishing.KafkaPublisherIT.draft;

/**
 * The broker goes away while tenants are created and changed: the commands succeed, the publisher fails and retries,
 * health stays 200 with Kafka degraded and the events waiting counted, and once the broker is back every event is on
 * the topic once, in sequence order per tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Short client timeouts so that failed attempts, and the processor's retries, come quickly.
        "tenant-registry.kafka.request-timeout=2s",
        "tenant-registry.kafka.delivery-timeout=4s",
        "tenant-registry.kafka.admin-timeout=2s",
        "tenant-registry.kafka.health-check-interval=500ms"})
class KafkaOutageIT extends WithEmbeddedKafka {

    private static final int TENANTS = 5;

    private final TenantEventCodec codec = new TenantEventCodec();

    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry meters;
    @Autowired
    HealthIndicator kafkaHealthIndicator;
    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyEventCommittedWhileKafkaIsDownArrivesOnceAndInOrderWhenItIsBack() throws Exception {
        UUID before = UUID.randomUUID();
        commands.sendAndWait(new CreateTenant(before, draft("Before Outage")));
        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(before.toString()).size() == 1);

            // A first request warms the web stack up (the servlet's start), which a loaded machine may take its time for.
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health", Duration.ofSeconds(30))
                    .statusCode() == 200 && kafkaHealthIndicator.health(true).getStatus().equals(Status.UP));

            // The test kit binds the broker's port once, so the restarted broker listens where clients look for it.
            BrokerServer broker = kafka.getCluster().brokers().values().iterator().next();
            broker.shutdown();
            double failuresBefore = failures();

            List<UUID> tenants = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                UUID id = UUID.randomUUID();
                tenants.add(id);
                assertThat(commands.<TenantState>sendAndWait(
                        new CreateTenant(id, draft("Outage " + i))).version()).isEqualTo(1L);
                assertThat(commands.<TenantState>sendAndWait(
                        new UpdateTenant(id, 1L, draft("Outage Renamed " + i))).version()).isEqualTo(2L);
                assertThat(commands.<TenantState>sendAndWait(
                        new SuspendTenant(id, 2L, "outage drill")).version()).isEqualTo(3L);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
            await().atMost(Duration.ofSeconds(30)).until(() -> !kafkaHealthIndicator.health(true).getStatus()
                    .equals(Status.UP) && lag(health()) >= 3L * TENANTS);

            // The broker is away, yet the side takes writes: health answers at once, 200, Kafka degraded with the
            // events still to publish, and the side stays ready.
            JsonNode health = health();
            assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("DEGRADED");
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            broker.startup();

            await().atMost(Duration.ofMinutes(2)).until(() ->
                    tenants.stream().allMatch(id -> topic.of(id.toString()).size() >= 3));
            for (UUID id : tenants) {
                List<TenantEventEnvelope> events = topic.of(id.toString()).stream().map(this::envelope).toList();
                assertThat(events).as("tenant %s", id).extracting(TenantEventEnvelope::sequence)
                        .containsExactly(0L, 1L, 2L);
                assertThat(events).extracting(TenantEventEnvelope::type)
                        .containsExactly("TenantCreated", "TenantRenamed", "TenantSuspended");
            }
            assertThat(topic.of(before.toString())).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> kafkaHealthIndicator.health(true).getStatus()
                    .equals(Status.UP) && lag(health()) == 0);
        }
    }

    /**
     * GET /actuator/health, which must be 200 and answer well within the client's timeout of 2 s: health never waits
     * for the broker's admin timeout (a timeout here fails the test).
     */
    private JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(2));
    }

    private HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(timeout)
                        .header("Authorization", "Bearer " + TestTokens.admin()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long lag(JsonNode health) {
        JsonNode lag = health.get("components").get("kafka").get("details").get("publisher_lag");
        return lag == null ? -1 : lag.asLong();
    }

    private double failures() {
        return meters.get("tenant.events.publish.failures").counter().count();
    }

    private TenantEventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return codec.read(record.value());
    }
}
