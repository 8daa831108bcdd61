package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * A tenant's life through the command side's REST API, seen on the query side after each step. Every read names the
 * version the write answered with, so the query side waits for its projection instead of the test sleeping. Every
 * answer of either side is checked against that side's OpenAPI document. It runs against instance 1 of each side of
 * the shared system.
 */
@ExtendWith(SharedSystem.class)
class TenantRegistrySystemIT {

    /** This test's own partner, so that the partner's numbers move with its one tenant only. */
    private static final String PARTNER = "msp-e2e";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static RunningSystem system;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void useTheWholeRegistry(RunningSystem shared) {
        system = shared;
        commands = system.checkedClient(system.commandSide);
        queries = system.checkedClient(system.querySide);
    }

    @Test
    void tenantsChangedWhileKafkaIsDownReachTheTopicInOrderAndTheReadModelsOnceItIsBack() {
        system.stopKafka();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Http.Answer created = commands.send("POST", "/api/tenants", """
                        {"name": "Outage %d", "partner_id": "msp-outage"}""".formatted(i));
                assertThat(created.status()).as("commands succeed while Kafka is down").isEqualTo(201);
                String id = created.body().path("data").path("id").asString();
                assertThat(commands.send("PUT", "/api/tenants/" + id + "/suspend", """
                        {"reason": "outage drill"}""").body().path("data").path("version").asLong()).isEqualTo(2);
                ids.add(id);
            }
        } finally {
            system.startKafka();
        }

        try (TopicRecords topic = new TopicRecords(system.kafkaBootstrapServers())) {
            for (String id : ids) {
                await().atMost(Duration.ofMinutes(3)).until(() -> topic.sequencesOf(id).size() >= 2);
                assertThat(topic.sequencesOf(id)).containsExactly(0L, 1L);
            }
        }
        for (String id : ids) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                Http.Answer tenant = queries.get("/api/tenants/" + id + "?min_version=" + id + ":2");
                assertThat(tenant.status()).isEqualTo(200);
                assertThat(tenant.body().path("data").path("status").asString()).isEqualTo("suspended");
            });
        }
        assertThat(queries.get("/api/tenants/count?partner_id=msp-outage&status=suspended").body().path("count").asInt())
                .isEqualTo(ids.size());
    }

    @Test
    void everyChangeMadeThroughTheCommandSideShowsOnTheQuerySide() {
        long tenantsBefore = queries.get("/api/tenants/count?include_deleted=true").body().path("count").asLong();

        Http.Answer created = commands.send("POST", "/api/tenants", """
                {"name": "Nordwind Telecom", "domain": "nordwind.example.com", "partner_id": "%s",
                 "max_extensions": 25, "country_code": "NO", "description": "Fjord carrier"}"""
                .formatted(PARTNER));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("data").path("id").asString();
        theNewTenantIsListedFoundCountedLookedUpAndInTheStatistics(id, tokenAfter(id, created));

        Http.Answer patched = commands.send("PATCH", "/api/tenants/" + id, """
                {"name": "Polar Circuit AS", "max_extensions": 40}""");
        assertThat(patched.status()).isEqualTo(200);
        theNewNameIsFoundAndTheNewQuotaCounted(id, tokenAfter(id, patched));

        Http.Answer suspended = commands.send("PUT", "/api/tenants/" + id + "/suspend", """
                {"reason": "invoice overdue"}""");
        assertThat(suspended.status()).isEqualTo(200);
        theTenantMovesFromActiveToSuspended(id, tokenAfter(id, suspended));

        Http.Answer reslugged = commands.send("PUT", "/api/tenants/" + id + "/slug", """
                {"slug": "aurora"}""");
        assertThat(reslugged.status()).isEqualTo(200);
        theNewSlugFindsTheTenantAndTheOldOneNothing(id, tokenAfter(id, reslugged));

        Http.Answer deleted = commands.send("DELETE", "/api/tenants/" + id, null);
        assertThat(deleted.status()).isEqualTo(200);
        theDeletedTenantShowsOnlyWhenDeletedOnesAreAskedFor(id, tokenAfter(id, deleted));

        Http.Answer purged = commands.send("DELETE", "/api/tenants/" + id + "?purge=true", null);
        assertThat(purged.status()).isEqualTo(200);
        String token = tokenAfter(id, purged);
        thePurgedTenantIsGoneFromEveryReadAndEveryNumber(id, token);
        assertThat(count("include_deleted=true", token)).isEqualTo(tenantsBefore);
        assertThat(commands.send("PUT", "/api/tenants/" + id + "/restore", null).status()).isEqualTo(404);
    }

    /**
     * Every operation that either document lists, called as its examples show (an unknown tenant where a path names
     * one): endpoints added later are covered without a change here. Each answer is checked against the document.
     */
    @Test
    void everyDocumentedOperationAnswersAsItsDocumentSays() {
        for (Http side : List.of(commands, queries)) {
            List<String> called = new ArrayList<>();
            for (var path : side.document().path("paths").properties()) {
                for (var operation : path.getValue().properties()) {
                    if (!HTTP_METHODS.contains(operation.getKey())) {
                        continue;
                    }
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    String uri = exampleUri(path.getKey(), operation.getValue());
                    Map.Entry<String, String> body = exampleBody(operation.getValue());
                    Http.Answer answer = body == null ? side.send(method, uri, null)
                            : side.send(method, uri, body.getKey(), body.getValue());
                    assertThat(answer.status()).as(method + " " + uri).isLessThan(500);
                    if (answer.status() == 201) {
                        // The other tests count every tenant: this one's must be in the read model before they look.
                        String id = answer.body().path("data").path("id").asString();
                        await().atMost(Duration.ofMinutes(1)).until(() ->
                                query("/api/tenants/count", tokenAfter(id, answer)).status() == 200);
                    }
                    called.add(method + " " + path.getKey());
                }
            }
            assertThat(called).as("operations of " + side.document().path("info").path("title").asString())
                    .isNotEmpty();
        }
    }

    private static String exampleUri(String template, JsonNode operation) {
        String uri = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String value = example(parameter);
            if (parameter.path("in").asString().equals("path")) {
                uri = uri.replace("{" + parameter.path("name").asString() + "}", encode(value));
            } else if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
                query.add(parameter.path("name").asString() + "=" + encode(value));
            }
        }
        return query.isEmpty() ? uri : uri + "?" + String.join("&", query);
    }

    /** A path names a tenant no one created; other parameters take their documented example. */
    private static String example(JsonNode parameter) {
        if (parameter.path("schema").path("format").asString("").equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        JsonNode example = parameter.has("example") ? parameter.path("example")
                : parameter.path("schema").path("example");
        return example.isMissingNode() || example.isNull() ? "example" : example.asString(example.toString());
    }

    /** The first media type of the request body with its first example, or an empty object; null without a body. */
    private static Map.Entry<String, String> exampleBody(JsonNode operation) {
        var media = operation.path("requestBody").path("content").properties().stream().findFirst();
        if (media.isEmpty()) {
            return null;
        }
        JsonNode content = media.get().getValue();
        JsonNode example = content.path("examples").properties().stream().findFirst()
                .map(named -> named.getValue().path("value")).orElse(content.path("example"));
        return Map.entry(media.get().getKey(), example.isMissingNode() ? "{}" : example.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void theNewTenantIsListedFoundCountedLookedUpAndInTheStatistics(String id, String token) {
        JsonNode tenant = read("/api/tenants/" + id, token).path("data");
        assertThat(tenant.path("name").asString()).isEqualTo("Nordwind Telecom");
        assertThat(tenant.path("slug").asString()).isEqualTo("nordwind-telecom");
        assertThat(tenant.path("status").asString()).isEqualTo("active");
        assertThat(read("/api/tenants/by-slug/nordwind-telecom", token).path("data").path("id").asString())
                .isEqualTo(id);
        assertThat(read("/api/tenants/by-domain/NORDWIND.example.com", token).path("data").path("id").asString())
                .isEqualTo(id);
        assertThat(listed("partner_id=" + PARTNER, token)).containsExactly(id);
        assertThat(listed("search=FJORD%20CARRIER", token)).containsExactly(id);
        assertThat(count("partner_id=" + PARTNER, token)).isEqualTo(1);
        assertThat(count("partner_id=" + PARTNER + "&status=active&country_code=NO", token)).isEqualTo(1);

        JsonNode dashboard = partnerDashboard(token);
        assertThat(dashboard.path("total_tenants").asLong()).isEqualTo(1);
        assertThat(byStatus(dashboard)).isEqualTo(statuses(1, 0, 0));
        assertThat(tenantsBy(dashboard.path("by_partner"), "partner_id")).containsExactly(entry(PARTNER, 1L));
        assertThat(tenantsBy(dashboard.path("by_country"), "country_code")).containsExactly(entry("NO", 1L));
        assertThat(dashboard.path("by_country").get(0).path("country_name").asString()).isEqualTo("Norway");
        // The day the command side recorded, not the test's today, so that a run across midnight agrees.
        LocalDate createdOn = Instant.parse(tenant.path("created_at").asString())
                .atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(daysWithCreations(dashboard)).containsExactly(entry(createdOn.toString(), 1L));
        assertThat(dashboard.path("extensions").path("max_extensions").asLong()).isEqualTo(25);
        assertThat(tenantsBy(read("/api/dashboard/msp", token).path("by_partner"), "partner_id"))
                .containsEntry(PARTNER, 1L);
    }

    private static void theNewNameIsFoundAndTheNewQuotaCounted(String id, String token) {
        JsonNode tenant = read("/api/tenants/" + id, token).path("data");
        assertThat(tenant.path("name").asString()).isEqualTo("Polar Circuit AS");
        assertThat(tenant.path("max_extensions").asInt()).isEqualTo(40);
        assertThat(listed("search=polar%20circuit", token)).containsExactly(id);
        assertThat(partnerDashboard(token).path("extensions").path("max_extensions").asLong()).isEqualTo(40);
    }

    private static void theTenantMovesFromActiveToSuspended(String id, String token) {
        assertThat(read("/api/tenants/" + id, token).path("data").path("suspension_reason").asString())
                .isEqualTo("invoice overdue");
        assertThat(listed("status=suspended&partner_id=" + PARTNER, token)).containsExactly(id);
        assertThat(listed("status=active&partner_id=" + PARTNER, token)).isEmpty();
        assertThat(count("status=suspended&partner_id=" + PARTNER, token)).isEqualTo(1);
        assertThat(count("status=active&partner_id=" + PARTNER, token)).isZero();

        JsonNode dashboard = partnerDashboard(token);
        assertThat(dashboard.path("total_tenants").asLong()).isEqualTo(1);
        assertThat(byStatus(dashboard)).isEqualTo(statuses(0, 1, 0));
    }

    private static void theNewSlugFindsTheTenantAndTheOldOneNothing(String id, String token) {
        assertThat(read("/api/tenants/by-slug/aurora", token).path("data").path("id").asString())
                .isEqualTo(id);
        assertThat(query("/api/tenants/by-slug/nordwind-telecom", token).status()).isEqualTo(404);
        assertThat(listed("search=aurora", token)).containsExactly(id);
        assertThat(listed("search=nordwind-telecom", token)).isEmpty();
        assertThat(read("/api/tenants/by-domain/nordwind.example.com", token).path("data").path("slug").asString())
                .isEqualTo("aurora");
    }

    private static void theDeletedTenantShowsOnlyWhenDeletedOnesAreAskedFor(String id, String token) {
        assertThat(query("/api/tenants/" + id, token).status()).isEqualTo(404);
        assertThat(query("/api/tenants/by-slug/aurora", token).status()).isEqualTo(404);
        assertThat(read("/api/tenants/" + id + "?include_deleted=true", token).path("data").path("status").asString())
                .isEqualTo("deleted");
        assertThat(listed("partner_id=" + PARTNER, token)).isEmpty();
        assertThat(listed("partner_id=" + PARTNER + "&include_deleted=true", token)).containsExactly(id);
        assertThat(listed("search=aurora", token)).isEmpty();
        assertThat(count("partner_id=" + PARTNER, token)).isZero();
        assertThat(count("partner_id=" + PARTNER + "&include_deleted=true", token)).isEqualTo(1);

        JsonNode dashboard = partnerDashboard(token);
        assertThat(dashboard.path("total_tenants").asLong()).isZero();
        assertThat(byStatus(dashboard)).isEqualTo(statuses(0, 0, 1));
        assertThat(tenantsBy(dashboard.path("by_partner"), "partner_id")).isEmpty();
        assertThat(tenantsBy(dashboard.path("by_country"), "country_code")).isEmpty();
        assertThat(daysWithCreations(dashboard).values()).as("created and not purged").containsExactly(1L);
        assertThat(dashboard.path("extensions").path("max_extensions").asLong()).isZero();
    }

    private static void thePurgedTenantIsGoneFromEveryReadAndEveryNumber(String id, String token) {
        assertThat(query("/api/tenants/" + id + "?include_deleted=true", token).status()).isEqualTo(404);
        assertThat(query("/api/tenants/by-domain/nordwind.example.com?include_deleted=true", token).status())
                .isEqualTo(404);
        assertThat(listed("partner_id=" + PARTNER + "&include_deleted=true", token)).isEmpty();
        assertThat(count("partner_id=" + PARTNER + "&include_deleted=true", token)).isZero();

        JsonNode dashboard = partnerDashboard(token);
        assertThat(dashboard.path("total_tenants").asLong()).isZero();
        assertThat(byStatus(dashboard)).isEqualTo(statuses(0, 0, 0));
        assertThat(daysWithCreations(dashboard)).isEmpty();
        assertThat(tenantsBy(read("/api/dashboard/msp", token).path("by_partner"), "partner_id"))
                .doesNotContainKey(PARTNER);
    }

    /** Every write answers with the tenant's new version in its ETag; a read naming it waits for that version. */
    private static String tokenAfter(String id, Http.Answer write) {
        return id + ":" + write.raw().headers().firstValue("ETag").orElseThrow().replace("\"", "");
    }

    private static Http.Answer query(String path, String token) {
        return queries.get(path + (path.contains("?") ? "&" : "?") + "min_version=" + token);
    }

    private static JsonNode read(String path, String token) {
        Http.Answer answer = query(path, token);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.body();
    }

    private static List<String> listed(String filters, String token) {
        List<String> ids = new ArrayList<>();
        read("/api/tenants?" + filters, token).path("data").forEach(tenant -> ids.add(tenant.path("id").asString()));
        return ids;
    }

    private static long count(String filters, String token) {
        return read("/api/tenants/count?" + filters, token).path("count").asLong();
    }

    private static JsonNode partnerDashboard(String token) {
        return read("/api/dashboard/msp?partner_id=" + PARTNER, token);
    }

    private static Map<String, Long> byStatus(JsonNode dashboard) {
        Map<String, Long> byStatus = new HashMap<>();
        dashboard.path("by_status").properties()
                .forEach(status -> byStatus.put(status.getKey(), status.getValue().asLong()));
        return byStatus;
    }

    private static Map<String, Long> statuses(long active, long suspended, long deleted) {
        return Map.of("active", active, "suspended", suspended, "deactivated", 0L, "deleted", deleted);
    }

    /** A dashboard group such as by_partner as key to tenants, in the dashboard's order. */
    private static Map<String, Long> tenantsBy(JsonNode groups, String key) {
        Map<String, Long> tenants = new LinkedHashMap<>();
        groups.forEach(group -> tenants.put(group.path(key).asString(null), group.path("tenants").asLong()));
        return tenants;
    }

    private static Map<String, Long> daysWithCreations(JsonNode dashboard) {
        Map<String, Long> days = new LinkedHashMap<>();
        dashboard.path("created_per_day").forEach(day -> {
            if (day.path("tenants").asLong() != 0) {
                days.put(day.path("date").asString(), day.path("tenants").asLong());
            }
        });
        return days;
    }
}
