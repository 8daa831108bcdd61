package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of all tenants by global position, over real HTTP, from the real event store: filtered by tenant, type,
 * actor and time, read on with the cursor, and refused to a partner's token. Each test acts as an actor of its own,
 * so that the events of the other tests in the shared database do not count.
 */
class EventsApiIT extends WebIntegrationTest {

    @Autowired
    DataSource dataSource;

    private record Actor(String subject, Api api) {
    }

    private Actor actor() {
        String subject = unique("auditor");
        return new Actor(subject, Api.withToken(port, TestTokens.token().subject(subject).sign()));
    }

    private static String tenantOf(Actor actor, String name) {
        return actor.api().create("{\"name\": \"" + name + "\", \"slug\": \"" + unique("events") + "\"}");
    }

    private static void rename(Actor actor, String tenant, String name) {
        assertThat(actor.api().send("PATCH", "/api/tenants/" + tenant, "{\"name\": \"" + name + "\"}").status())
                .isEqualTo(200);
    }

    private Api.Answer events(String query) {
        return api.send("GET", "/api/events?" + query, (String) null);
    }

    private List<JsonNode> entries(String query) {
        Api.Answer answer = events(query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.json().get("data").forEach(entries::add);
        return entries;
    }

    private static List<String> types(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("type").asString()).toList();
    }

    @Test
    void anActorsEventsAcrossTenantsComeInGlobalOrderWithTheirDiffs() {
        Actor actor = actor();
        String first = tenantOf(actor, "Events A");
        String second = tenantOf(actor, "Events B");
        rename(actor, first, "Events A2");

        List<JsonNode> entries = entries("actor=" + actor.subject());

        assertThat(types(entries)).containsExactly("TenantCreated", "TenantCreated", "TenantRenamed");
        assertThat(entries).extracting(entry -> entry.get("tenant_id").asString())
                .containsExactly(first, second, first);
        assertThat(entries).extracting(entry -> entry.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("actor").asString()).isEqualTo(actor.subject()));
        JsonNode renamed = entries.get(2);
        assertThat(renamed.get("sequence").asLong()).isEqualTo(1);
        assertThat(renamed.get("changes").get("name").get("from").asString()).isEqualTo("Events A");
        assertThat(renamed.get("changes").get("name").get("to").asString()).isEqualTo("Events A2");
    }

    @Test
    void theEventsAreFilteredByTenantTypeAndTime() {
        Actor actor = actor();
        String first = tenantOf(actor, "Filter A");
        String second = tenantOf(actor, "Filter B");
        rename(actor, first, "Filter A2");
        rename(actor, second, "Filter B2");
        rename(actor, first, "Filter A3");
        List<JsonNode> all = entries("actor=" + actor.subject());

        List<JsonNode> ofFirst = entries("tenant_id=" + first);
        List<JsonNode> renames = entries("actor=" + actor.subject() + "&type=TenantRenamed");
        List<JsonNode> renamesOfSecond = entries("tenant_id=" + second + "&type=TenantRenamed");
        Instant from = Instant.parse(all.get(2).get("occurred_at").asString());
        Instant to = Instant.parse(all.get(3).get("occurred_at").asString());
        List<JsonNode> inRange = entries("actor=" + actor.subject() + "&from=" + from + "&to=" + to);

        assertThat(types(ofFirst)).containsExactly("TenantCreated", "TenantRenamed", "TenantRenamed");
        assertThat(ofFirst).extracting(entry -> entry.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(types(renames)).containsExactly("TenantRenamed", "TenantRenamed", "TenantRenamed");
        assertThat(renamesOfSecond).hasSize(1);
        assertThat(renamesOfSecond.get(0).get("changes").get("name").get("to").asString()).isEqualTo("Filter B2");
        assertThat(inRange).extracting(entry -> entry.get("position").asLong())
                .isEqualTo(all.stream().filter(entry -> {
                    Instant at = Instant.parse(entry.get("occurred_at").asString());
                    return !at.isBefore(from) && !at.isAfter(to);
                }).map(entry -> entry.get("position").asLong()).toList())
                .contains(all.get(2).get("position").asLong(), all.get(3).get("position").asLong());
    }

    @Test
    void theCursorReadsOnAfterTheLastPositionUntilNothingIsLeft() {
        Actor actor = actor();
        String tenant = tenantOf(actor, "Cursor");
        for (int i = 1; i <= 4; i++) {
            rename(actor, tenant, "Cursor " + i);
        }

        List<Long> positions = new ArrayList<>();
        int pages = 0;
        long cursor = 0;
        String page = "/api/events?actor=" + actor.subject() + "&limit=2";
        while (page != null) {
            Api.Answer answer = api.send("GET", page, (String) null);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            answer.json().get("data").forEach(entry -> positions.add(entry.get("position").asLong()));
            cursor = answer.json().get("cursor").asLong();
            JsonNode next = answer.json().get("links").get("next");
            page = next.isNull() ? null : pathOf(next.asString());
            pages++;
        }
        List<JsonNode> all = entries("actor=" + actor.subject());

        assertThat(positions).isEqualTo(all.stream().map(entry -> entry.get("position").asLong()).toList())
                .hasSize(5);
        assertThat(pages).isEqualTo(3);
        assertThat(cursor).isGreaterThanOrEqualTo(positions.get(positions.size() - 1));
        assertThat(entries("actor=" + actor.subject() + "&after=" + positions.get(2)))
                .extracting(entry -> entry.get("position").asLong()).containsExactlyElementsOf(positions.subList(3, 5));
        assertThat(entries("actor=" + actor.subject() + "&after=" + cursor)).isEmpty();
    }

    @Test
    void aPageEndsBeforeAPositionThatAWriteStillRunningHoldsSoThatTheCursorSkipsNoEvent() throws Exception {
        Actor actor = actor();
        String first = tenantOf(actor, "Before the open write");
        long held;
        List<JsonNode> whileOpen;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            held = insertAnEvent(open);
            String second = tenantOf(actor, "After the open write");
            Api.Answer answer = events("actor=" + actor.subject());
            whileOpen = new ArrayList<>();
            answer.json().get("data").forEach(whileOpen::add);

            assertThat(whileOpen).extracting(entry -> entry.get("tenant_id").asString()).containsExactly(first);
            assertThat(answer.json().get("cursor").asLong()).isEqualTo(held - 1);
            assertThat(answer.json().get("links").get("next").isNull()).isFalse();
            assertThat(eventTypesOf(second)).containsExactly("TenantCreated");
            open.rollback();
        }

        List<JsonNode> afterwards = entries("actor=" + actor.subject() + "&after=" + (held - 1));

        assertThat(afterwards).extracting(entry -> entry.get("tenant_id").asString()).hasSize(1)
                .doesNotContain(first);
        assertThat(afterwards.get(0).get("position").asLong()).isGreaterThan(held);
    }

    /** An event of no tenant, inserted and left uncommitted: its position is handed out, it is not visible. */
    private static long insertAnEvent(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                payload, payload_type, time_stamp)
                VALUES (?, 0, 'Tenant', ?, ?, 'org.tenantregistry.events.TenantCreated', ?)
                RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(4, Instant.now().toString());
            try (ResultSet position = insert.executeQuery()) {
                position.next();
                return position.getLong(1);
            }
        }
    }

    @Test
    void unreadableOrOutOfBoundsParametersAreProblemsNamingThem() {
        Api.Answer notAUuid = events("tenant_id=acme");
        Api.Answer negative = events("after=-1&limit=0");

        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.json().get("errors").has("tenant_id")).isTrue();
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").propertyNames()).containsExactlyInAnyOrder("after", "limit");
    }

    @Test
    void thePartnerTokenOfAnMspAdminGetsNoEventsAcrossTenants() {
        Api.Answer answer = Api.withToken(port, TestTokens.token().partner("partner-events").sign())
                .send("GET", "/api/events", (String) null);

        assertThat(answer.status()).isEqualTo(403);
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
