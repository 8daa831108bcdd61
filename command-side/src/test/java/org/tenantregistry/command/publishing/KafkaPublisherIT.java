package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.tenant.CommandMetadata;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.DeleteTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.tenant.TenantDraft;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class KafkaPublisherIT extends WithEmbeddedKafka {

    private final TenantEventCodec codec = new TenantEventCodec();

    @Autowired
    CommandGateway commands;
    @Autowired
    Admin admin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    HealthIndicator kafkaHealthIndicator;

    @Test
    void everyEventOfEveryTenantArrivesInSequenceOrderWithHeadersAndATombstoneAfterThePurge() {
        UUID kept = UUID.randomUUID();
        UUID purged = UUID.randomUUID();
        create(kept, "Kept One");
        commands.sendAndWait(new GenericCommandMessage<>(new SuspendTenant(kept, 1L, "unpaid invoices"),
                MetaData.with(CommandMetadata.ACTOR, "alice").and(CommandMetadata.CORRELATION_ID, "req-42")
                        .and(CommandMetadata.CLIENT_ID, "console").and(CommandMetadata.REASON, "ticket OPS-4711")));
        commands.sendAndWait(new UpdateTenant(kept, 2L, draft("Kept Renamed")));
        create(purged, "Purged One");
        commands.sendAndWait(new DeleteTenant(purged, 1L));
        commands.sendAndWait(new PurgeTenant(purged, 2L));

        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(purged.toString()).size() == 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(kept.toString()).size() == 3);

            List<TenantEventEnvelope> keptEvents = envelopes(topic.of(kept.toString()));
            assertThat(keptEvents).extracting(TenantEventEnvelope::sequence).containsExactly(0L, 1L, 2L);
            assertThat(keptEvents).extracting(TenantEventEnvelope::type)
                    .containsExactly("TenantCreated", "TenantSuspended", "TenantRenamed");
            assertThat(keptEvents).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(kept));
            assertThat(keptEvents.get(0).actor()).isEqualTo("anonymous");
            assertThat(keptEvents.get(1).actor()).isEqualTo("alice");
            assertThat(keptEvents.get(1).correlationId()).isEqualTo("req-42");
            assertThat(keptEvents.get(1).clientId()).isEqualTo("console");
            assertThat(keptEvents.get(1).reason()).isEqualTo("ticket OPS-4711");
            assertThat(keptEvents.get(0).clientId()).isNull();
            assertThat(keptEvents.get(0).reason()).isNull();
            assertThat(keptEvents).extracting(TenantEventEnvelope::eventId).doesNotHaveDuplicates();

            ConsumerRecord<String, byte[]> suspended = topic.of(kept.toString()).get(1);
            assertThat(header(suspended, TenantTopics.TYPE_HEADER)).isEqualTo("TenantSuspended");
            assertThat(header(suspended, TenantTopics.SCHEMA_VERSION_HEADER))
                    .isEqualTo(String.valueOf(keptEvents.get(1).schemaVersion()));

            List<ConsumerRecord<String, byte[]>> purgedRecords = topic.of(purged.toString());
            assertThat(envelopes(purgedRecords.subList(0, 3))).extracting(TenantEventEnvelope::type)
                    .containsExactly("TenantCreated", "TenantDeleted", "TenantPurged");
            assertThat(envelopes(purgedRecords.subList(0, 3))).extracting(TenantEventEnvelope::sequence)
                    .containsExactly(0L, 1L, 2L);
            assertThat(purgedRecords.get(3).value()).as("tombstone after the purge").isNull();
        }
        assertThat(jdbc.sql("SELECT last_sequence FROM published_sequence WHERE tenant_id = ?")
                .param(kept.toString()).query(Long.class).single()).isEqualTo(2L);
    }

    /**
     * The publisher's four segments publish side by side, each its own tenants: events of many tenants written at once
     * all arrive, each once, in their tenant's sequence order.
     */
    @Test
    void eventsOfManyTenantsWrittenAtOnceArriveOnceEachInTheirTenantsOrderAcrossTheSegments() {
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.processingStatus().size() == 4);
        List<UUID> tenants = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
        tenants.parallelStream().forEach(id -> {
            create(id, "Segmented " + id);
            commands.sendAndWait(new UpdateTenant(id, 1L, draft("Segmented Renamed " + id)));
            commands.sendAndWait(new SuspendTenant(id, 2L, "segment drill"));
        });

        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> tenants.stream()
                    .allMatch(id -> topic.of(id.toString()).size() >= 3));
            for (UUID id : tenants) {
                assertThat(envelopes(topic.of(id.toString()))).as("tenant %s", id)
                        .extracting(TenantEventEnvelope::sequence).containsExactly(0L, 1L, 2L);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM published_sequence WHERE tenant_id = ANY (?) AND last_sequence = 2")
                .param(tenants.stream().map(UUID::toString).toArray(String[]::new)).query(Long.class).single())
                .isEqualTo(tenants.size());
    }

    @Test
    void theTopicIsCreatedWithThreePartitionsAndUnlimitedRetentionAndTheHealthShowsTheBroker() throws Exception {
        create(UUID.randomUUID(), "Topic Check");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get().contains("tenant-events"));

        TopicDescription description = admin.describeTopics(Set.of(TenantTopics.TENANT_EVENTS))
                .allTopicNames().get(10, TimeUnit.SECONDS).get(TenantTopics.TENANT_EVENTS);
        assertThat(description.partitions()).hasSize(3);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TenantTopics.TENANT_EVENTS);
        assertThat(admin.describeConfigs(Set.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                .get("retention.ms").value()).isEqualTo("-1");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafkaHealthIndicator.health(true).getStatus().equals(Status.UP));
    }

    /** Only the command side creates topics, with their settings: a consumer asking for a missing one gets none. */
    @Test
    void aConsumerAskingForAMissingTopicDoesNotCreateIt() throws Exception {
        String missing = "missing-" + UUID.randomUUID();
        // The client's own default would ask the broker to create it: the broker is what refuses here.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
                new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.partitionsFor(missing, Duration.ofSeconds(10))).isEmpty();
        }

        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(missing);
    }

    /**
     * A new publisher (no token, nothing published) sends the whole existing history: since Axon 4.9 that first pass
     * counts as a replay, which the publisher allows.
     */
    @Test
    void aPublisherStartingOnAnExistingEventStorePublishesItsWholeHistory() {
        UUID early = UUID.randomUUID();
        create(early, "Early Bird");
        commands.sendAndWait(new UpdateTenant(early, 1L, draft("Early Bird Renamed")));
        TrackingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(early.toString()).size() == 2);

            // As if the publisher were deployed for the first time on this store.
            publisher.shutDown();
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?").param(KafkaPublisher.PROCESSING_GROUP).update();
            jdbc.sql("DELETE FROM published_sequence").update();
            publisher.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(early.toString()).size() == 4);
            assertThat(envelopes(topic.of(early.toString()))).extracting(TenantEventEnvelope::sequence)
                    .containsExactly(0L, 1L, 0L, 1L);
        }
    }

    private void create(UUID id, String name) {
        assertThat(commands.<TenantState>sendAndWait(new CreateTenant(id, draft(name))).version()).isEqualTo(1L);
    }

    static TenantDraft draft(String name) {
        return new TenantDraft(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    private List<TenantEventEnvelope> envelopes(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> codec.read(r.value())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
