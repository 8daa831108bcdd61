package org.tenantregistry.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.tenantregistry.command.CommandSideApplication;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;
import org.tenantregistry.postgres.LocalPostgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tenantregistry.command.publishing.KafkaPublisherIT.draft;

/**
 * Two command-side instances on one event store and one broker, as behind a load balancer: each claims two of the
 * publisher's four segments through the token store, tenants are created and changed through both at once, and every
 * event reaches the topic, at least once, its tenant's first deliveries in sequence order.
 */
@SpringBootTest(properties = TwoPublishersIT.TWO_THREADS)
class TwoPublishersIT extends WithEmbeddedKafka {

    /** Two threads each: each instance claims two of the four segments, so both publish at once. */
    static final String TWO_THREADS = "axon.eventhandling.processors.kafka-publisher.thread-count=2";

    private static final int TENANTS_PER_INSTANCE = 30;

    private final TenantEventCodec codec = new TenantEventCodec();

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    MeterRegistry meters;

    @Test
    void twoInstancesPublishTheirSegmentsSideBySideWithEveryTenantInOrder() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl("postgres"),
                "--spring.datasource.username=" + postgres.superuser(),
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                // Both instances run in this JVM, whose name would make them one owner in the token store.
                "--tenant-registry.token-store.node-id=second-instance",
                "--" + TWO_THREADS);
             TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> segments(processing) == 2
                    && segments(second.getBean(EventProcessingConfiguration.class)) == 2);

            CommandGateway otherCommands = second.getBean(CommandGateway.class);
            CompletableFuture<List<UUID>> here = CompletableFuture.supplyAsync(() -> createAndChange(commands, "Here"));
            List<UUID> tenants = new ArrayList<>(createAndChange(otherCommands, "There"));
            tenants.addAll(here.join());

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, List<ConsumerRecord<String, byte[]>>> byTenant = topic.poll().stream()
                        .collect(Collectors.groupingBy(ConsumerRecord::key));
                return tenants.stream().allMatch(id -> firstDeliveries(byTenant.get(id.toString())).size() == 3);
            });
            Map<String, List<ConsumerRecord<String, byte[]>>> byTenant = topic.poll().stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key));
            for (UUID id : tenants) {
                assertThat(firstDeliveries(byTenant.get(id.toString()))).as("tenant %s", id).containsExactly(0L, 1L, 2L);
            }
            assertThat(published(meters)).as("published here").isPositive();
            assertThat(published(second.getBean(MeterRegistry.class))).as("published there").isPositive();
        }
    }

    private static List<UUID> createAndChange(CommandGateway gateway, String name) {
        return IntStream.range(0, TENANTS_PER_INSTANCE).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            gateway.sendAndWait(new CreateTenant(id, draft(name + " " + i)));
            gateway.sendAndWait(new UpdateTenant(id, 1L, draft(name + " Renamed " + i)));
            gateway.sendAndWait(new SuspendTenant(id, 2L, "drill"));
            return id;
        }).toList();
    }

    /** Delivery is at least once; in order means the first delivery of each sequence comes in ascending order. */
    private List<Long> firstDeliveries(List<ConsumerRecord<String, byte[]>> records) {
        if (records == null) {
            return List.of();
        }
        return List.copyOf(records.stream().map(r -> codec.read(r.value())).map(TenantEventEnvelope::sequence)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static int segments(EventProcessingConfiguration processing) {
        return processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().size()).orElse(0);
    }

    private static double published(MeterRegistry registry) {
        return registry.get("tenant.events.published").counter().count();
    }
}
