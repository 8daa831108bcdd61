package org.tenantregistry.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.tenantregistry.command.publishing.KafkaPublisherIT.draft;

/**
 * Axon issue 4829 for real: an event whose transaction commits late, below a tracking token that no longer waits for
 * it, is never seen by the tracking processor. With the JDBC engine that happens when the processor reads events older
 * than the gap timeout (it lags, say after a Kafka outage) while a transaction is still open. The repair check finds
 * the event behind the processor's token and publishes it anyway.
 */
@SpringBootTest(properties = {
        "tenant-registry.event-store.gap-timeout=" + GapTimeoutRepairIT.GAP_TIMEOUT_SETTING,
        "tenant-registry.kafka.repair-interval=1s"})
class GapTimeoutRepairIT extends WithEmbeddedKafka {

    static final String GAP_TIMEOUT_SETTING = "2s";
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);

    private final TenantEventCodec codec = new TenantEventCodec();

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;

    @Test
    void anEventCommittedAfterTheGapTimeoutIsRepublishedByTheRepairCheck() throws Exception {
        UUID late = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        commands.sendAndWait(new CreateTenant(late, draft("Late Committer")));
        commands.sendAndWait(new CreateTenant(other, draft("Other Tenant")));
        TrackingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(other.toString()).size() == 1
                    && topic.of(late.toString()).size() == 1);

            // The publisher lags behind (as after a Kafka outage): it reads the next events only when they are
            // older than the gap timeout, and then the JDBC engine keeps no gap for an index still in flight.
            publisher.shutDown();

            // A command whose transaction stays open: its event has a global index, but nobody can see it yet.
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() ->
                    transactions.executeWithoutResult(status -> {
                        commands.sendAndWait(new SuspendTenant(late, 1L, "slow transaction"));
                        appended.countDown();
                        await().atMost(Duration.ofSeconds(60)).until(() -> commit.getCount() == 0);
                    }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            // A later event commits while the first is still open, and grows older than the gap timeout.
            commands.sendAndWait(new SuspendTenant(other, 1L, "quick transaction"));
            long otherIndex = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND sequence_number = 1").param(other.toString()).query(Long.class).single();
            Instant otherTime = Instant.now();
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(otherTime.plus(GAP_TIMEOUT)));

            publisher.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(other.toString()).size() == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> passedWithoutGaps(otherIndex));
            double republishedBefore = meters.get("tenant.events.republished").counter().count();

            // Now the slow transaction commits, below the processor's token: the processor will never read it.
            commit.countDown();
            slowTransaction.get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(late.toString()).size() == 2);
            assertThat(topic.of(late.toString()).stream().map(r -> codec.read(r.value())))
                    .extracting(TenantEventEnvelope::sequence, TenantEventEnvelope::type)
                    .containsExactly(tuple(0L, "TenantCreated"), tuple(1L, "TenantSuspended"));
            assertThat(meters.get("tenant.events.republished").counter().count())
                    .as("published by the repair, not by the processor").isGreaterThan(republishedBefore);
            assertThat(meters.get("tenant.events.gaps").counter().count()).isPositive();
        }
    }

    private boolean passedWithoutGaps(long globalIndex) {
        TrackingToken token = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow()
                .processingStatus().get(0).getTrackingToken();
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware
                && gapAware.getIndex() >= globalIndex && gapAware.getGaps().isEmpty();
    }
}
