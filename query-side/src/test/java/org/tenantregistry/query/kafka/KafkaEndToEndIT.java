package org.tenantregistry.query.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.projection.ProjectionMetrics;
import org.tenantregistry.query.projection.ProjectionProgress;
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
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From the topic through the projections to the API, with a real broker and a real database. */
class KafkaEndToEndIT extends KafkaIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ProjectionMetrics metrics;

    @Autowired
    ProjectionProgress progress;

    @Autowired
    ProjectionRunner runner;

    @Autowired
    TenantProjection tenants;

    @Autowired
    MeterRegistry registry;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void eventsOnTheTopicReachTheTenantListAndTheDashboard() {
        String partner = "partner-kafka-" + UUID.randomUUID();
        TenantStream tenant = TenantStream.newTenant();
        topic.publish(List.of(tenant.created("Kafka One", "kafka-one-" + suffix(), partner, "DE"),
                tenant.next(new TenantRenamed(tenant.tenantId(), "Kafka One", "Kafka Uno")),
                tenant.next(new TenantSuspended(tenant.tenantId(), "unpaid"))));

        awaitVersion(TenantProjection.NAME, tenant);

        JsonNode list = get("/api/tenants?partner_id=" + partner).body();
        assertThat(list.get("data").get(0).get("name").asString()).isEqualTo("Kafka Uno");
        assertThat(list.get("data").get(0).get("status").asString()).isEqualTo("suspended");
        assertThat(list.get("data").get(0).get("version").asLong()).isEqualTo(3);
        JsonNode dashboard = get("/api/dashboard/msp?partner_id=" + partner + "&min_version=" + token(tenant)).body();
        assertThat(dashboard.get("by_status").get("suspended").asLong()).isEqualTo(1);
        assertThat(dashboard.get("extensions").get("max_extensions").asLong()).isEqualTo(10);
    }

    @Test
    void aRedeliveredStreamChangesNothing() {
        String partner = "partner-again-" + UUID.randomUUID();
        TenantStream tenant = TenantStream.newTenant();
        List<TenantEventEnvelope> events = List.of(
                tenant.created("Again", "again-" + suffix(), partner, "AT"),
                tenant.next(new TenantSuspended(tenant.tenantId(), "unpaid")),
                tenant.next(new TenantDeleted(tenant.tenantId(), TenantStatus.SUSPENDED)));
        topic.publish(events);
        awaitVersion(TenantProjection.NAME, tenant);
        awaitVersion(MspStatisticsProjection.NAME, tenant);
        List<JsonNode> before = views(tenant, partner);
        double tenantRedeliveries = metrics.redeliveries(TenantProjection.NAME);
        double statisticsRedeliveries = metrics.redeliveries(MspStatisticsProjection.NAME);

        topic.publish(events);

        await().atMost(PATIENCE).until(() -> metrics.redeliveries(TenantProjection.NAME) >= tenantRedeliveries + 3
                && metrics.redeliveries(MspStatisticsProjection.NAME) >= statisticsRedeliveries + 3);
        assertThat(views(tenant, partner)).isEqualTo(before);
    }

    @Test
    void aSequenceGapIsReportedAndParkedUntilTheMissingEventArrives() {
        TenantStream tenant = TenantStream.newTenant();
        TenantEventEnvelope created = tenant.created("Gap", "gap-" + suffix(), null, "DE");
        TenantEventEnvelope renamed = tenant.next(new TenantRenamed(tenant.tenantId(), "Gap", "Gap Filled"));
        TenantEventEnvelope suspended = tenant.next(new TenantSuspended(tenant.tenantId(), "unpaid"));
        double gapsBefore = metrics.sequenceGaps(TenantProjection.NAME);
        topic.publish(List.of(created, suspended));

        await().atMost(PATIENCE).until(() -> runner.parkedCount(tenants, tenant.tenantId()) == 1);
        assertThat(metrics.sequenceGaps(TenantProjection.NAME)).isGreaterThan(gapsBefore);
        JsonNode stuck = get("/api/tenants/" + tenant.tenantId()).body().get("data");
        assertThat(stuck.get("version").asLong()).isEqualTo(1);
        assertThat(stuck.get("status").asString()).isEqualTo("active");

        topic.publish(renamed);

        JsonNode filled = await().atMost(PATIENCE).until(
                () -> get("/api/tenants/" + tenant.tenantId()).body().get("data"), body -> body.get("version").asLong() == 3);
        assertThat(filled.get("name").asString()).isEqualTo("Gap Filled");
        assertThat(filled.get("status").asString()).isEqualTo("suspended");
        assertThat(runner.parkedCount(tenants, tenant.tenantId())).isZero();
    }

    @Test
    void minVersionWaitsForAVersionThatArrivesLater() {
        TenantStream tenant = TenantStream.newTenant();
        topic.publish(tenant.created("Later", "later-" + suffix(), null, "DE"));
        awaitVersion(TenantProjection.NAME, tenant);
        TenantEventEnvelope renamed = tenant.next(new TenantRenamed(tenant.tenantId(), "Later", "Later Renamed"));
        int waitingBefore = progress.waiting();

        CompletableFuture<Api.Response> read = CompletableFuture.supplyAsync(
                () -> get("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant)));
        await().atMost(PATIENCE).until(() -> progress.waiting() > waitingBefore);
        topic.publish(renamed);

        Api.Response response = read.join();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("data").get("name").asString()).isEqualTo("Later Renamed");
        assertThat(response.body().get("data").get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordIsSkippedAndCountedADataMisfitIsDeadLetteredAndTheRecordsBehindStillArrive() {
        TenantStream tenant = TenantStream.newTenant();
        TenantStream broken = TenantStream.newTenant();
        String key = tenant.tenantId().toString();
        double skippedBefore = skippedMalformed();
        String unfitting = new String(new TenantEventCodec().write(
                broken.created("Broken", "broken-" + suffix(), null, "DE")), StandardCharsets.UTF_8)
                .replace("\"max_extensions\":10", "\"max_extensions\":\"lots\"");

        topic.publishRaw(key, "not json at all".getBytes(StandardCharsets.UTF_8));
        topic.publishRaw(key, "{\"type\":\"TenantCreated\"}".getBytes(StandardCharsets.UTF_8));
        topic.publishRaw(key, unfitting.getBytes(StandardCharsets.UTF_8));
        topic.publish(tenant.created("Behind", "behind-" + suffix(), null, "DE"));

        assertThat(get("/api/tenants/" + tenant.tenantId() + "?min_version=" + token(tenant)).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> skippedMalformed() >= skippedBefore + 4);
        JsonNode deadLetters = await().atMost(PATIENCE).until(
                () -> get("/api/admin/dead-letters?tenant_id=" + broken.tenantId()).body(),
                // one per projection: tenants, msp-statistics, resources and domains
                body -> body.get("meta").get("total").asLong() == 4);
        // each dead letter's own reason (the envelope inside it has a reason field of its own, X-Change-Reason's)
        assertThat(deadLetters.get("data").valueStream().map(letter -> letter.get("reason").asString()))
                .containsOnly("malformed");
        assertThat(get("/api/tenants/" + broken.tenantId()).status()).isEqualTo(404);
    }

    @Test
    void theTombstoneAfterAPurgeIsIgnored() {
        TenantStream tenant = TenantStream.newTenant();
        TenantStream behind = TenantStream.newTenant();
        String key = tenant.tenantId().toString();
        double skippedBefore = skipped();
        topic.publish(List.of(tenant.created("Tomb", "tomb-" + suffix(), null, "DE"),
                tenant.next(new TenantPurged(tenant.tenantId()))));
        topic.publishRaw(key, null);
        // Same key, so same partition: once this one shows, the tombstone before it has been consumed.
        topic.publishRaw(key, new TenantEventCodec().write(behind.created("Behind Tomb", "behind-tomb-" + suffix(),
                null, "DE")));

        assertThat(get("/api/tenants/" + behind.tenantId() + "?min_version=" + token(behind)).status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "?include_deleted=true").status()).isEqualTo(404);
        assertThat(skipped()).isEqualTo(skippedBefore);
    }

    @Test
    void everyListenerReadsTheConfiguredTopic() {
        assertThat(listeners.getListenerContainers()).hasSize(4).allSatisfy(container ->
                assertThat(container.getContainerProperties().getTopics()).containsExactly(TOPIC));
    }

    @Test
    void healthShowsTheDatabaseAndTheBrokerAndPrometheusTheProjectionMetrics() {
        Api.Response health = get("/actuator/health");

        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(health.body().get("components").get("db").get("status").asString()).isEqualTo("UP");
        JsonNode kafka = health.body().get("components").get("kafka");
        assertThat(kafka.get("status").asString()).isEqualTo("UP");
        assertThat(kafka.get("details").get("listeners").get(TenantProjection.NAME).asString()).isEqualTo("running");
        assertThat(kafka.get("details").get("listeners").get(MspStatisticsProjection.NAME).asString())
                .isEqualTo("running");
        assertThat(get("/actuator/prometheus").text())
                .contains("tenant_registry_query_projection_applied_total{projection=\"tenants\"}")
                .contains("tenant_registry_query_projection_applied_total{projection=\"msp-statistics\"}");
    }

    private void awaitVersion(String projection, TenantStream tenant) {
        String uri = projection.equals(TenantProjection.NAME) ? "/api/tenants/" + tenant.tenantId()
                : "/api/dashboard/msp";
        await().atMost(PATIENCE).until(() -> get(uri + "?min_version=" + token(tenant)).status() != 503);
    }

    private List<JsonNode> views(TenantStream tenant, String partner) {
        return List.of(get("/api/tenants/" + tenant.tenantId() + "?include_deleted=true").body().get("data"),
                get("/api/tenants?include_deleted=true&partner_id=" + partner).body(),
                get("/api/tenants/count?status=deleted&partner_id=" + partner).body(),
                get("/api/dashboard/msp?partner_id=" + partner).body());
    }

    private double skippedMalformed() {
        return registry.find("tenant.registry.query.records.skipped").tag("reason", "malformed").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double skipped() {
        return registry.find("tenant.registry.query.records.skipped").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static String token(TenantStream tenant) {
        return tenant.tenantId() + ":" + tenant.version();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
