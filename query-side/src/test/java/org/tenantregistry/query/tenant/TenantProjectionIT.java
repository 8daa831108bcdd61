package org.tenantregistry.query.tenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.events.SampleEvents;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantReactivated;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.projection.EventNotApplicableException;
import org.tenantregistry.query.projection.ProjectionMetrics;
import org.tenantregistry.query.projection.SequenceGapException;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The tenant projection fed through its handler, read back through the API. */
class TenantProjectionIT extends DatabaseIntegrationTest {

    @Autowired
    ProjectionMetrics metrics;

    @Test
    void aCreatedTenantShowsEveryFieldOfTheReadModel() {
        TenantStream acme = TenantStream.newTenant();
        TenantEventEnvelope created = acme.created("Acme One", "acme-one-" + suffix(), "partner-" + suffix(), "de");
        deliver(List.of(created));

        JsonNode tenant = get("/api/tenants/" + acme.tenantId()).body().get("data");

        assertThat(tenant.get("id").asString()).isEqualTo(acme.tenantId().toString());
        assertThat(tenant.get("name").asString()).isEqualTo("Acme One");
        assertThat(tenant.get("domain").asString()).endsWith(".example.com");
        assertThat(tenant.get("status").asString()).isEqualTo("active");
        assertThat(tenant.get("suspension_reason").isNull()).isTrue();
        assertThat(tenant.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(tenant.get("max_extensions").asInt()).isEqualTo(10);
        assertThat(tenant.get("settings").get("mfa_required").asBoolean()).isTrue();
        assertThat(tenant.get("accent_color").asString()).isEqualTo("#1A2B3C");
        assertThat(tenant.get("currency").asString()).isEqualTo("EUR");
        assertThat(tenant.get("country_code").asString()).isEqualTo("DE");
        assertThat(tenant.get("country_name").asString()).isEqualTo("Germany");
        assertThat(tenant.get("post_code").asString()).isEqualTo("10115");
        assertThat(tenant.get("created_at").asString()).isEqualTo(created.occurredAt().toString());
        assertThat(tenant.get("updated_at").asString()).isEqualTo(created.occurredAt().toString());
        assertThat(tenant.get("version").asLong()).isEqualTo(1);
        assertThat(tenant.get("deleted_at").isNull()).isTrue();
        assertThat(tenant.get("extensions_count").asInt()).isZero();
        assertThat(tenant.get("dids_count").asInt()).isZero();
        assertThat(tenant.get("users_count").asInt()).isZero();
    }

    @Test
    void theGoldenSampleStreamEndsInTheStateItDescribesAndThePurgeRemovesIt() {
        List<TenantEventEnvelope> stream = envelopes(SampleEvents.ALL);
        deliver(stream.subList(0, stream.size() - 1));

        JsonNode tenant = get("/api/tenants/" + SampleEvents.TENANT_ID).body().get("data");
        assertThat(tenant.get("name").asString()).isEqualTo("Acme Telecom GmbH");
        assertThat(tenant.get("slug").asString()).isEqualTo("acme-gmbh");
        // PrimaryDomainChanged made the custom domain the tenant's domain; its removal later carries no new primary
        assertThat(tenant.get("domain").asString()).isEqualTo("assets.acme.example.com");
        assertThat(tenant.get("timezone").asString()).isEqualTo("UTC");
        assertThat(tenant.get("max_extensions").asInt()).isEqualTo(100);
        assertThat(tenant.get("settings").get("session_timeout").asInt()).isEqualTo(30);
        assertThat(tenant.get("logo_url").isNull()).isTrue();
        assertThat(tenant.get("currency").asString()).isEqualTo("USD");
        assertThat(tenant.get("country_name").asString()).isEqualTo("Austria");
        assertThat(tenant.get("address").isNull()).isTrue();
        assertThat(tenant.get("partner_id").isNull()).isTrue();
        assertThat(tenant.get("status").asString()).isEqualTo("active");
        assertThat(tenant.get("deleted_at").isNull()).isTrue();
        assertThat(tenant.get("version").asLong()).isEqualTo(SampleEvents.ALL.size() - 1);
        assertThat(get("/api/tenants/by-slug/acme-gmbh").status()).isEqualTo(200);

        deliver(stream.subList(stream.size() - 1, stream.size()));

        assertThat(get("/api/tenants/" + SampleEvents.TENANT_ID + "?include_deleted=true").status()).isEqualTo(404);
        assertThat(get("/api/tenants/by-slug/acme-gmbh?include_deleted=true").status()).isEqualTo(404);
        assertThat(get("/api/tenants/" + SampleEvents.TENANT_ID + "?min_version=" + SampleEvents.TENANT_ID + ":"
                + (SampleEvents.ALL.size() + 5)).status())
                .as("a purged tenant has caught up with every version").isEqualTo(404);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String partner = "partner-" + suffix();
        TenantStream first = TenantStream.newTenant();
        TenantStream second = TenantStream.newTenant();
        List<TenantEventEnvelope> events = List.of(
                first.created("Redelivery One", "redelivery-one-" + suffix(), partner, "DE"),
                second.created("Redelivery Two", "redelivery-two-" + suffix(), partner, "AT"),
                first.next(new TenantSuspended(first.tenantId(), "unpaid")),
                second.next(new TenantRenamed(second.tenantId(), "Redelivery Two", "Redelivery Two Ltd")),
                second.next(new TenantDeleted(second.tenantId(), TenantStatus.ACTIVE)));
        deliver(events);
        Snapshot before = snapshot(partner, first.tenantId(), second.tenantId());

        deliver(events);
        deliver(List.of(events.get(2), events.get(0)));

        assertThat(snapshot(partner, first.tenantId(), second.tenantId())).isEqualTo(before);
        assertThat(before.count()).isEqualTo(1);
        assertThat(before.dashboard().get("by_status").get("deleted").asLong()).isEqualTo(1);
    }

    @Test
    void anEventThatSkipsASequenceIsRefusedAndReportedUntilTheMissingOneArrives() {
        TenantStream tenant = TenantStream.newTenant();
        TenantEventEnvelope created = tenant.created("Gap One", "gap-one-" + suffix(), null, "DE");
        TenantEventEnvelope renamed = tenant.next(new TenantRenamed(tenant.tenantId(), "Gap One", "Gap Renamed"));
        TenantEventEnvelope suspended = tenant.next(new TenantSuspended(tenant.tenantId(), "fraud check"));
        runner.handle(tenants, created);
        double gapsBefore = metrics.sequenceGaps(TenantProjection.NAME);

        assertThatThrownBy(() -> runner.handle(tenants, suspended))
                .isInstanceOf(SequenceGapException.class)
                .hasMessageContaining("expects sequence 1 but got 2");
        assertThat(metrics.sequenceGaps(TenantProjection.NAME)).isEqualTo(gapsBefore + 1);
        assertThat(get("/api/tenants/" + tenant.tenantId()).body().get("data").get("version").asLong()).isEqualTo(1);

        runner.parkOrApply(tenants, suspended);
        assertThat(runner.parkedCount(tenants, tenant.tenantId())).isEqualTo(1);
        assertThat(get("/api/tenants/" + tenant.tenantId()).body().get("data").get("status").asString()).isEqualTo("active");

        runner.handle(tenants, renamed);

        JsonNode caughtUp = get("/api/tenants/" + tenant.tenantId()).body().get("data");
        assertThat(caughtUp.get("version").asLong()).isEqualTo(3);
        assertThat(caughtUp.get("name").asString()).isEqualTo("Gap Renamed");
        assertThat(caughtUp.get("status").asString()).isEqualTo("suspended");
        assertThat(runner.parkedCount(tenants, tenant.tenantId())).isZero();
    }

    @Test
    void aTenantThatAlreadyWaitsForAMissingEventHasItsLaterEventsParkedAtOnce() {
        TenantStream tenant = TenantStream.newTenant();
        TenantEventEnvelope created = tenant.created("Park One", "park-one-" + suffix(), null, "DE");
        TenantEventEnvelope renamed = tenant.next(new TenantRenamed(tenant.tenantId(), "Park One", "Park Two"));
        TenantEventEnvelope suspended = tenant.next(new TenantSuspended(tenant.tenantId(), "unpaid"));
        TenantEventEnvelope reactivated = tenant.next(new TenantReactivated(tenant.tenantId()));
        runner.handle(tenants, created);
        assertThatThrownBy(() -> runner.handle(tenants, suspended)).isInstanceOf(SequenceGapException.class);
        runner.parkOrApply(tenants, suspended);
        double gapsBefore = metrics.sequenceGaps(TenantProjection.NAME);

        runner.handle(tenants, reactivated);

        assertThat(runner.parkedCount(tenants, tenant.tenantId())).isEqualTo(2);
        assertThat(metrics.sequenceGaps(TenantProjection.NAME)).isEqualTo(gapsBefore);
        runner.handle(tenants, renamed);
        JsonNode caughtUp = get("/api/tenants/" + tenant.tenantId()).body().get("data");
        assertThat(caughtUp.get("version").asLong()).isEqualTo(4);
        assertThat(caughtUp.get("name").asString()).isEqualTo("Park Two");
        assertThat(caughtUp.get("status").asString()).isEqualTo("active");
        assertThat(runner.parkedCount(tenants, tenant.tenantId())).isZero();
    }

    @Test
    void anEventTypeFromANewerContractIsRefusedAndTheTenantsLaterEventsWaitBehindItsDeadLetter() {
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Future One", "future-one-" + suffix(), null, "FR")));
        TenantEventEnvelope hibernated = tenant.unknown("TenantHibernated");
        TenantEventEnvelope renamed = tenant.next(new TenantRenamed(tenant.tenantId(), "Future One", "Future Two"));

        EventNotApplicableException refused = catchThrowableOfType(EventNotApplicableException.class,
                () -> runner.handle(tenants, hibernated));
        assertThat(refused.reason()).isEqualTo(EventNotApplicableException.Reason.UNKNOWN_TYPE);
        runner.deadLetter(tenants, hibernated, refused, 1);
        runner.handle(tenants, renamed);

        assertThat(runner.parkedCount(tenants, tenant.tenantId())).isEqualTo(1);
        assertThat(get("/api/tenants/" + tenant.tenantId()).body().get("data").get("version").asLong()).isEqualTo(1);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "?min_version=" + tenant.tenantId() + ":3").status())
                .isEqualTo(503);
    }

    @Test
    void aPurgedTenantStaysGoneWhenItsOldEventsAreRedelivered() {
        String partner = "partner-" + suffix();
        TenantStream tenant = TenantStream.newTenant();
        TenantEventEnvelope created = tenant.created("Purge One", "purge-one-" + suffix(), partner, "DE");
        deliver(List.of(created, tenant.next(new TenantDeleted(tenant.tenantId(), TenantStatus.ACTIVE)),
                tenant.next(new TenantPurged(tenant.tenantId()))));

        deliver(List.of(created));

        assertThat(get("/api/tenants/" + tenant.tenantId() + "?include_deleted=true").status()).isEqualTo(404);
        assertThat(get("/api/tenants/count?include_deleted=true&partner_id=" + partner).body().get("count").asLong())
                .isZero();
        JsonNode dashboard = get("/api/dashboard/msp?partner_id=" + partner).body();
        assertThat(dashboard.get("by_status").get("deleted").asLong()).isZero();
        assertThat(dashboard.get("created_per_day").findValues("tenants").stream().mapToLong(JsonNode::asLong).sum())
                .isZero();
    }

    @Test
    void softDeletedTenantsAreHiddenUnlessAskedFor() {
        String partner = "partner-" + suffix();
        String slug = "hidden-one-" + suffix();
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Hidden One", slug, partner, "DE"),
                tenant.next(new TenantDeleted(tenant.tenantId(), TenantStatus.ACTIVE))));

        assertThat(get("/api/tenants/" + tenant.tenantId()).status()).isEqualTo(404);
        assertThat(get("/api/tenants/by-slug/" + slug).status()).isEqualTo(404);
        assertThat(get("/api/tenants?partner_id=" + partner).body().get("meta").get("total").asLong()).isZero();
        assertThat(get("/api/tenants/count?partner_id=" + partner).body().get("count").asLong()).isZero();

        JsonNode deleted = get("/api/tenants/" + tenant.tenantId() + "?include_deleted=true").body().get("data");
        assertThat(deleted.get("status").asString()).isEqualTo("deleted");
        assertThat(deleted.get("deleted_at").isNull()).isFalse();
        assertThat(get("/api/tenants/by-domain/" + slug.toUpperCase() + ".EXAMPLE.COM?include_deleted=true").status())
                .isEqualTo(200);
        assertThat(get("/api/tenants?status=deleted&partner_id=" + partner).body().get("meta").get("total").asLong())
                .isEqualTo(1);
        assertThat(get("/api/tenants/count?include_deleted=true&partner_id=" + partner).body().get("count").asLong())
                .isEqualTo(1);
    }

    @Test
    void lookupsBySlugAndDomainIgnoreCase() {
        String slug = "lookup-one-" + suffix();
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Lookup One", slug, null, null)));

        assertThat(get("/api/tenants/by-slug/" + slug.toUpperCase()).body().get("data").get("id").asString())
                .isEqualTo(tenant.tenantId().toString());
        assertThat(get("/api/tenants/by-domain/" + slug.toUpperCase() + ".Example.Com").body().get("data").get("id").asString())
                .isEqualTo(tenant.tenantId().toString());
        assertThat(get("/api/tenants/by-slug/" + slug).body().get("data").get("country_name").isNull()).isTrue();
    }

    private Snapshot snapshot(String partner, UUID... ids) {
        List<JsonNode> tenantBodies = new ArrayList<>();
        for (UUID id : ids) {
            tenantBodies.add(get("/api/tenants/" + id + "?include_deleted=true").body().get("data"));
        }
        return new Snapshot(tenantBodies,
                get("/api/tenants/count?partner_id=" + partner).body().get("count").asLong(),
                get("/api/tenants?include_deleted=true&partner_id=" + partner).body().get("meta"),
                get("/api/dashboard/msp?partner_id=" + partner).body());
    }

    private record Snapshot(List<JsonNode> tenants, long count, JsonNode listMeta, JsonNode dashboard) {
    }

    private static List<TenantEventEnvelope> envelopes(List<TenantEvent> events) {
        TenantEventCodec codec = new TenantEventCodec();
        Instant start = Instant.parse("2026-11-22T09:30:00Z");
        List<TenantEventEnvelope> envelopes = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            envelopes.add(codec.wrap(events.get(sequence), UUID.randomUUID(), sequence,
                    start.plusSeconds(sequence), "ops@example.com", "req-" + sequence, null, null));
        }
        return envelopes;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
