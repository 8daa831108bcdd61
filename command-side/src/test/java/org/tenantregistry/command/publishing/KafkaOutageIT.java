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
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tenantregistry.command.publishing.KafkaPublisherIT.draft;

/**
 * The broker goes away while tenants are created and changed: the commands succeed, the publisher fails and retries,
 * and once the broker is back every event is on the topic once, in sequence order per tenant.
 */
@SpringBootTest(properties = {
        // Short client timeouts so that failed attempts, and the processor's retries, come quickly.
        "tenant-registry.kafka.request-timeout=2s",
        "tenant-registry.kafka.delivery-timeout=4s",
        "tenant-registry.kafka.admin-timeout=2s"})
class KafkaOutageIT extends WithEmbeddedKafka {

    private static final int TENANTS = 5;

    private final TenantEventCodec codec = new TenantEventCodec();

    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry meters;
    @Autowired
    HealthIndicator kafkaHealthIndicator;

    @Test
    void everyEventCommittedWhileKafkaIsDownArrivesOnceAndInOrderWhenItIsBack() {
        UUID before = UUID.randomUUID();
        commands.sendAndWait(new CreateTenant(before, draft("Before Outage")));
        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(before.toString()).size() == 1);

            // The test kit binds the broker's port once, so the restarted broker listens where clients look for it.
            BrokerServer broker = kafka.getCluster().brokers().values().iterator().next();
            broker.shutdown();
            double failuresBefore = failures();

            List<UUID> tenants = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                UUID id = UUID.randomUUID();
                tenants.add(id);
                assertThat((Object) commands.sendAndWait(new CreateTenant(id, draft("Outage " + i)))).isEqualTo(1L);
                assertThat((Object) commands.sendAndWait(new UpdateTenant(id, 1L, draft("Outage Renamed " + i))))
                        .isEqualTo(2L);
                assertThat((Object) commands.sendAndWait(new SuspendTenant(id, 2L, "outage drill")))
                        .isEqualTo(3L);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
            assertThat(kafkaHealthIndicator.health(true).getStatus()).isEqualTo(Status.DOWN);

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
            assertThat(kafkaHealthIndicator.health(true).getStatus()).isEqualTo(Status.UP);
        }
    }

    private double failures() {
        return meters.get("tenant.events.publish.failures").counter().count();
    }

    private TenantEventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return codec.read(record.value());
    }
}
