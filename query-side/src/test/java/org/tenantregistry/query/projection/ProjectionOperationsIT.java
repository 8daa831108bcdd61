package org.tenantregistry.query.projection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.events.UserAdded;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.CommandSideKeys;
import org.tenantregistry.query.support.KafkaIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tenantregistry.query.support.SealedEnvelopes.sealed;

/**
 * Operating the read models: the projections' state for operators, and rebuilds into fresh tables swapped in while
 * reads go on. A context of its own (another consumer group base, so another broker and database): a rebuild reads the
 * whole topic, and the rebuilt model is compared with the old one row for row, which only this class's events make
 * predictable.
 */
@TestPropertySource(properties = "tenant-registry.query.consumer-group=projection-operations-it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionOperationsIT extends KafkaIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PARTNER = "partner-operations";
    private static final int TENANTS = 12;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    List<Projection> projections;

    private final List<TenantStream> streams = new ArrayList<>();
    private TenantStream gap;
    private TenantStream unknown;

    /**
     * Tenants with every kind of event the projections keep (renames, suspensions, resources, domains, slug changes,
     * a deletion and a purge), one with a gap (its second event parked) and one with an event of a type this
     * version does not know (a dead letter). Every other tenant's personal fields travel sealed, the purged one's
     * too, whose key is destroyed once the listeners applied its events, as the command side does at a purge (a
     * rebuild within the key cache's time still opens them; either way the purge at the end deletes the rows).
     */
    @BeforeAll
    void publishTenants() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        Map<UUID, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < TENANTS; i++) {
            TenantStream tenant = TenantStream.startingAt(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(3600L * i));
            UUID id = tenant.tenantId();
            if (i % 2 == 1) {
                keys.put(id, CommandSideKeys.INSTANCE.keyFor(id));
            }
            String slug = "operations-" + i + "-" + id.toString().substring(0, 8);
            events.add(tenant.created("Operations " + i, slug, PARTNER, i % 2 == 0 ? "DE" : "AT"));
            events.add(tenant.next(new TenantRenamed(id, "Operations " + i, "Operations Renamed " + i)));
            UUID extension = UUID.randomUUID();
            events.add(tenant.next(new ExtensionRegistered(id, extension, "10" + i, "Desk " + i)));
            events.add(tenant.next(new ExtensionRegistered(id, UUID.randomUUID(), "20" + i, null)));
            events.add(tenant.next(new UserAdded(id, UUID.randomUUID(), "user" + i + "@example.com",
                    MemberStatus.ACTIVE)));
            events.add(tenant.next(new CustomDomainAdded(id, UUID.randomUUID(), "www." + slug + ".example.org",
                    "token-" + i, Instant.parse("2026-04-01T00:00:00Z"))));
            if (i % 3 == 0) {
                events.add(tenant.next(new ExtensionReleased(id, extension)));
                events.add(tenant.next(new TenantSlugChanged(id, slug, slug + "-new")));
            }
            if (i % 4 == 1) {
                events.add(tenant.next(new TenantSuspended(id, "unpaid")));
            }
            if (i == TENANTS - 1) {
                events.add(tenant.next(new TenantDeleted(id, TenantStatus.ACTIVE)));
                events.add(tenant.next(new TenantPurged(id)));
            }
            streams.add(tenant);
        }
        gap = TenantStream.newTenant();
        events.add(gap.created("Operations Gap", "operations-gap-" + UUID.randomUUID().toString().substring(0, 8),
                PARTNER, "DE"));
        gap.next(new TenantRenamed(gap.tenantId(), "Operations Gap", "never published"));
        events.add(gap.next(new TenantSuspended(gap.tenantId(), "behind a gap")));
        unknown = TenantStream.newTenant();
        events.add(unknown.created("Operations Unknown", "operations-unknown-"
                + UUID.randomUUID().toString().substring(0, 8), PARTNER, "DE"));
        events.add(unknown.unknown("TenantTeleported"));
        events.replaceAll(event -> keys.containsKey(event.tenantId()) ? sealed(event, keys.get(event.tenantId())) : event);
        topic.publish(events);
        awaitCaughtUp();
        CommandSideKeys.INSTANCE.purge(streams.get(TENANTS - 1).tenantId());
    }

    @Test
    void operatorsSeeEachProjectionsPositionsLagParkedAndDeadLetteredEvents() {
        JsonNode answer = get("/api/admin/projections").body();

        assertThat(answer.get("kafka").get("known").asBoolean()).isTrue();
        assertThat(answer.get("kafka").get("topic").asString()).isEqualTo(TOPIC);
        List<JsonNode> states = StreamSupport.stream(answer.get("data").spliterator(), false).toList();
        assertThat(states).extracting(state -> state.get("name").asString())
                .containsExactly("domains", "msp-statistics", "resources", "tenants");
        for (JsonNode state : states) {
            String name = state.get("name").asString();
            assertThat(state.get("consumer_group").asString()).isEqualTo("projection-operations-it." + name);
            assertThat(state.get("partitions")).hasSize(PARTITIONS);
            long ends = 0;
            for (JsonNode partition : state.get("partitions")) {
                assertThat(partition.get("committed_offset").asLong()).isEqualTo(partition.get("end_offset").asLong());
                assertThat(partition.get("lag").asLong()).isZero();
                ends += partition.get("end_offset").asLong();
            }
            assertThat(ends).as("records on the topic").isGreaterThanOrEqualTo(TENANTS * 6L);
            assertThat(state.get("lag").asLong()).isZero();
            assertThat(state.get("tenants_tracked").asLong()).isEqualTo(count(
                    "SELECT count(*) FROM projection_tracking WHERE projection = ?", name)).isEqualTo(TENANTS + 2);
            assertThat(state.get("tenants_purged").asLong()).isEqualTo(1);
            assertThat(state.get("parked_events").asLong()).as(name + " parked").isEqualTo(1);
            assertThat(state.get("dead_letters_open").asLong()).as(name + " dead letters").isEqualTo(1);
            assertThat(state.get("dead_letters_skipped").asLong()).isZero();
        }
    }

    @Test
    void onlyOperatorsSeeTheProjectionsOrRebuildThem() {
        String partnerBound = TestTokens.token().partner(PARTNER).sign();
        String reader = TestTokens.token().scopes(Scopes.TENANTS_READ).sign();

        assertThat(new Api(mvc, null).get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(new Api(mvc, reader).get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(new Api(mvc, partnerBound).get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(new Api(mvc, partnerBound).post("/api/admin/projections/tenants/rebuild", null).status())
                .isEqualTo(403);
        assertThat(new Api(mvc, reader).get("/api/admin/projections/tenants/rebuild").status()).isEqualTo(403);
        Api.Response unknownProjection = post("/api/admin/projections/nothing/rebuild", null);
        assertThat(unknownProjection.status()).isEqualTo(404);
        assertThat(unknownProjection.contentType()).startsWith("application/problem+json");
    }

    /**
     * Each projection in turn: rebuilt into fresh tables while a reader keeps asking for what it serves, then swapped
     * in. Every answer during the rebuild is the answer from before it (never an empty or half-built model), and the
     * rebuilt tables, tracking rows, parked events and dead letters equal the old ones row for row.
     */
    @Test
    void aRebuiltProjectionEqualsTheOldOneRowForRowAndReadsKeepAnsweringWhileItIsRebuilt() {
        UUID first = streams.get(0).tenantId();
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("tenants", "/api/tenants?partner_id=" + PARTNER + "&per_page=100");
        reads.put("msp-statistics", "/api/dashboard/msp?partner_id=" + PARTNER);
        reads.put("resources", "/api/tenants/" + first + "/extensions");
        reads.put("domains", "/api/tenants/" + first + "/domains");

        for (Projection projection : projections) {
            String read = reads.get(projection.name());
            List<String> before = dump(projection);
            String answerBefore = get(read).text();
            assertThat(get(read).status()).isEqualTo(200);

            AtomicBoolean rebuilding = new AtomicBoolean(true);
            List<String> wrong = new ArrayList<>();
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                int whileRunning = 0;
                while (rebuilding.get()) {
                    Api.Response answer = get(read);
                    if (answer.status() != 200 || !answer.text().equals(answerBefore)) {
                        wrong.add(answer.status() + " " + answer.text());
                    }
                    whileRunning++;
                }
                return whileRunning;
            });

            Api.Response started = post("/api/admin/projections/" + projection.name() + "/rebuild", null);
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            assertThat(started.body().get("state").asString()).isEqualTo("running");
            JsonNode ended = awaitRebuildEnded(projection.name());
            rebuilding.set(false);

            assertThat(ended.get("state").asString()).as(ended.toString()).isEqualTo("done");
            assertThat(ended.get("events_done").asLong()).isEqualTo(ended.get("events_total").asLong());
            assertThat(ended.get("events_applied").asLong()).isGreaterThanOrEqualTo(TENANTS * 6L);
            assertThat(reader.join()).as("reads during the rebuild of " + projection.name()).isPositive();
            assertThat(wrong).as("answers during the rebuild of " + projection.name()).isEmpty();
            assertThat(dump(projection)).as(projection.name() + " rebuilt").isEqualTo(before);
            assertThat(get(read).text()).isEqualTo(answerBefore);
            assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = ?",
                    ShadowTables.schemaOf(projection))).as("shadow schema dropped").isZero();
            JsonNode listed = get("/api/admin/projections").body().get("data");
            assertThat(StreamSupport.stream(listed.spliterator(), false)
                    .filter(state -> state.get("name").asString().equals(projection.name()))
                    .findFirst().orElseThrow().get("rebuild").get("state").asString()).isEqualTo("done");
        }
        UUID sealedOne = streams.get(1).tenantId();
        assertThat(get("/api/tenants/" + sealedOne).body().get("data").get("address").asString())
                .isEqualTo("Main street 1");
        assertThat(get("/api/tenants/" + sealedOne + "/users").body().get("data").get(0).get("email").asString())
                .isEqualTo("user1@example.com");
    }

    @Test
    void theConsolesOperationsPageStartsARebuildAndShowsItsProgress() throws Exception {
        var started = mvc.post().uri("/console/operations/msp-statistics/rebuild")
                .header("Authorization", "Bearer " + TestTokens.admin()).exchange();
        assertThat(started.getResponse().getStatus()).isEqualTo(303);
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/console/operations?notice=started");

        assertThat(awaitRebuildEnded("msp-statistics").get("state").asString()).isEqualTo("done");
        String page = mvc.get().uri("/console/operations?notice=started")
                .header("Authorization", "Bearer " + TestTokens.admin()).exchange().getResponse()
                .getContentAsString();
        assertThat(page).contains("Rebuild started.").contains("id=\"progress-msp-statistics\"")
                .contains("done · ")
                // Polled only while a rebuild runs.
                .doesNotContain("hx-trigger=\"every 1s\"");
    }

    @Test
    void eventsThatArriveWhileAProjectionIsRebuiltAreInTheRebuiltModel() {
        TenantStream tenant = streams.get(1);
        UUID id = tenant.tenantId();
        String name = "Operations Renamed 1";

        Api.Response started = post("/api/admin/projections/tenants/rebuild", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        List<TenantEventEnvelope> renames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String next = "Operations During " + i;
            renames.add(tenant.next(new TenantRenamed(id, name, next)));
            name = next;
        }
        topic.publish(renames);
        assertThat(awaitRebuildEnded("tenants").get("state").asString()).isEqualTo("done");

        JsonNode after = get("/api/tenants/" + id + "?min_version=" + id + ":" + tenant.version()).body().get("data");
        assertThat(after.get("name").asString()).isEqualTo("Operations During 19");
        assertThat(after.get("version").asLong()).isEqualTo(tenant.version());
        awaitCaughtUp();
        assertThat(count("SELECT last_sequence FROM projection_tracking WHERE projection = 'tenants' AND tenant_id = ?",
                id)).isEqualTo(tenant.version() - 1);
    }

    /** The projection's tables, tracking rows, parked events and open dead letters, each row as text, in order. */
    private List<String> dump(Projection projection) {
        List<String> rows = new ArrayList<>();
        for (String table : projection.tables()) {
            jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY 1").query(String.class).list()
                    .forEach(row -> rows.add(table + " " + row));
        }
        jdbc.sql("""
                        SELECT concat_ws(' ', tenant_id, last_sequence, purged) FROM projection_tracking
                        WHERE projection = ? ORDER BY 1""")
                .param(projection.name()).query(String.class).list()
                .forEach(row -> rows.add("projection_tracking " + row));
        jdbc.sql("""
                        SELECT concat_ws(' ', tenant_id, sequence, encode(envelope, 'base64')) FROM projection_parked_event
                        WHERE projection = ? ORDER BY 1""")
                .param(projection.name()).query(String.class).list()
                .forEach(row -> rows.add("projection_parked_event " + row));
        jdbc.sql("""
                        SELECT concat_ws(' ', tenant_id, sequence, event_type, reason, error_class, error_message,
                                         encode(envelope, 'base64'))
                        FROM projection_dead_letter WHERE projection = ? AND skipped_at IS NULL ORDER BY 1""")
                .param(projection.name()).query(String.class).list()
                .forEach(row -> rows.add("projection_dead_letter " + row));
        return rows;
    }

    private JsonNode awaitRebuildEnded(String projection) {
        return await().atMost(PATIENCE).until(() -> get("/api/admin/projections/" + projection + "/rebuild").body(),
                status -> !status.get("state").asString().equals("running"));
    }

    /** Every projection has committed every record of the topic: what was published is applied. */
    private void awaitCaughtUp() {
        await().atMost(PATIENCE).until(() -> {
            JsonNode answer = get("/api/admin/projections").body();
            if (!answer.get("kafka").get("known").asBoolean()) {
                return false;
            }
            for (JsonNode state : answer.get("data")) {
                if (state.get("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }
}
