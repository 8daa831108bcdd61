package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.command.domain.DomainProperties;
import org.tenantregistry.command.domain.DomainRecheckJob;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's history over real HTTP, from the real event store: one entry per event of every kind, each with its
 * metadata and its change in the representation's names; newest first, pages by sequence, filters by type and time,
 * and the tenant hidden from another partner's MSP admin.
 */
class TenantHistoryIT extends WebIntegrationTest {

    private static final String REASON = "X-Change-Reason";
    /** The events of the first test, in the order it makes them: every change of the tenant's own fields. */
    private static final List<String> TENANT_FIELD_EVENTS = List.of("TenantCreated",
            "TenantRenamed", "TenantSlugChanged", "TenantDomainChanged", "TenantTimezoneChanged",
            "TenantSettingsChanged", "TenantBrandingChanged", "TenantProfileChanged", "TenantPartnerChanged",
            "TenantMaxExtensionsChanged", "ExtensionRegistered", "ExtensionReleased", "CustomDomainAdded",
            "CustomDomainVerified", "TenantSuspended", "TenantReactivated", "TenantDeactivated",
            "TenantActivated", "TenantDeleted", "TenantRestored");
    /** The events of the second test: the resources' and the domains' (the purge has a test of its own). */
    private static final List<String> RESOURCE_AND_DOMAIN_EVENTS = List.of("TenantCreated", "DidRegistered",
            "QueueRegistered", "RateRegistered", "UserAdded", "DidReleased", "QueueReleased", "RateReleased",
            "UserRemoved", "CustomDomainAdded", "CustomDomainVerificationFailed", "CustomDomainVerified",
            "PrimaryDomainChanged", "CustomDomainAdded", "CustomDomainRemoved", "CustomDomainAdded",
            "CustomDomainTokenRenewed", "CustomDomainVerified", "CustomDomainVerificationFailed",
            "CustomDomainVerificationFailed", "CustomDomainVerificationFailed", "CustomDomainVerificationLost");

    @Autowired
    MovableClock clock;
    @Autowired
    DomainRecheckJob rechecks;
    @Autowired
    DomainProperties domains;

    private Api.Answer history(String tenant, String query) {
        return api.send("GET", "/api/tenants/" + tenant + "/history" + (query.isEmpty() ? "" : "?" + query),
                (String) null);
    }

    private List<JsonNode> entries(String tenant, String query) {
        Api.Answer answer = history(tenant, query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.json().get("data").forEach(entries::add);
        return entries;
    }

    private static List<Long> sequences(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("sequence").asLong()).toList();
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void ok(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isBetween(200, 201);
    }

    private String tenantWithRenames(int renames) {
        String id = api.create("{\"name\": \"Pages 0\", \"slug\": \"" + unique("pages") + "\"}");
        for (int i = 1; i <= renames; i++) {
            ok(api.send("PATCH", "/api/tenants/" + id, "{\"name\": \"Pages " + i + "\"}"));
        }
        return id;
    }

    @Test
    void everyKindOfEventShowsWhatItChangedInTheRepresentationsNames() {
        String tenant = "/api/tenants/";
        String slug = unique("history");
        String id = api.create("{\"name\": \"History\", \"slug\": \"" + slug + "\", \"max_extensions\": 50, "
                + "\"partner_id\": \"partner-history\"}");
        String at = tenant + id;
        ok(api.send("PATCH", at, "{\"name\": \"History Renamed\"}"));
        String newSlug = unique("history");
        ok(api.send("PUT", at + "/slug", "{\"slug\": \"" + newSlug + "\"}"));
        String primary = unique("primary") + ".example.com";
        ok(api.send("PATCH", at, "{\"domain\": \"" + primary + "\"}"));
        ok(api.send("PATCH", at, "{\"timezone\": \"Europe/Berlin\"}"));
        ok(api.send("PATCH", at, "{\"settings\": {\"mfa_required\": true}}"));
        ok(api.send("PATCH", at, "{\"accent_color\": \"#1A2B3C\"}"));
        ok(api.send("PATCH", at, "{\"description\": \"Regional carrier\"}"));
        ok(api.send("PATCH", at, "{\"partner_id\": \"partner-history-2\"}"));
        ok(api.send("PATCH", at, "{\"max_extensions\": 100}", REASON, "contract upgrade"));
        Api.Answer extension = api.send("POST", at + "/extensions", "{\"number\": \"100\", \"name\": \"Desk\"}");
        ok(extension);
        ok(api.send("DELETE", at + "/extensions/" + extension.json().get("data").get("id").asString(), (String) null));
        String custom = unique("assets") + ".example.com";
        Api.Answer added = api.send("POST", at + "/domains?domain=" + custom, null);
        ok(added);
        DNS.cname(custom, newSlug + ".tenants.test");
        ok(api.send("PUT", at + "/domains/" + added.json().get("data").get("id").asString() + "/verify", (String) null));
        ok(api.send("PUT", at + "/suspend", "{\"reason\": \"invoice unpaid\"}", REASON, "dunning"));
        ok(api.send("PUT", at + "/reactivate", (String) null));
        ok(api.send("PUT", at + "/deactivate", "{\"user_status\": 2}"));
        ok(api.send("PUT", at + "/activate", "{}"));
        ok(api.send("DELETE", at, (String) null));
        ok(api.send("PUT", at + "/restore", (String) null));

        List<JsonNode> entries = entries(id, "limit=500");

        assertThat(entries).extracting(entry -> entry.get("type").asString())
                .containsExactlyElementsOf(TENANT_FIELD_EVENTS);
        assertThat(sequences(entries)).isEqualTo(java.util.stream.LongStream.range(0, entries.size()).boxed().toList());
        Map<String, JsonNode> byType = entries.stream()
                .collect(Collectors.toMap(entry -> entry.get("type").asString(), Function.identity()));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo("test-admin");
            assertThat(entry.get("correlation_id").asString()).isNotBlank();
            assertThat(entry.get("client_address").asString()).isEqualTo("127.0.0.1");
            assertThat(entry.get("tenant_id").asString()).isEqualTo(id);
            assertThat(entry.get("version").asLong()).isEqualTo(entry.get("sequence").asLong() + 1);
            assertThat(entry.get("position").asLong()).isPositive();
            assertThat(entry.get("changes").has("version")).isFalse();
            assertThat(entry.get("changes").has("updated_at")).isFalse();
        });

        JsonNode created = byType.get("TenantCreated").get("changes");
        assertThat(created.get("name").get("from").isNull()).isTrue();
        assertThat(created.get("name").get("to").asString()).isEqualTo("History");
        assertThat(created.get("slug").get("to").asString()).isEqualTo(slug);
        assertThat(created.get("max_extensions").get("to").asInt()).isEqualTo(50);
        assertThat(created.get("status").get("to").asString()).isEqualTo("active");
        assertThat(created.get("created_at").get("from").isNull()).isTrue();
        assertThat(created.has("domain")).as("a field without a value did not change").isFalse();

        assertChange(byType, "TenantRenamed", "name", "\"History\"", "\"History Renamed\"");
        assertChange(byType, "TenantSlugChanged", "slug", "\"" + slug + "\"", "\"" + newSlug + "\"");
        assertChange(byType, "TenantDomainChanged", "domain", "null", "\"" + primary + "\"");
        assertChange(byType, "TenantTimezoneChanged", "timezone", "\"UTC\"", "\"Europe/Berlin\"");
        assertThat(byType.get("TenantSettingsChanged").get("changes").propertyNames()).containsExactly("settings");
        assertThat(byType.get("TenantSettingsChanged").get("changes").get("settings").get("to").get("mfa_required")
                .asBoolean()).isTrue();
        assertChange(byType, "TenantBrandingChanged", "accent_color", "null", "\"#1A2B3C\"");
        assertChange(byType, "TenantProfileChanged", "description", "null", "\"Regional carrier\"");
        assertChange(byType, "TenantPartnerChanged", "partner_id", "\"partner-history\"", "\"partner-history-2\"");
        assertChange(byType, "TenantMaxExtensionsChanged", "max_extensions", "50", "100");
        assertThat(byType.get("TenantMaxExtensionsChanged").get("reason").asString()).isEqualTo("contract upgrade");
        assertChange(byType, "ExtensionRegistered", "extensions_count", "0", "1");
        assertChange(byType, "ExtensionReleased", "extensions_count", "1", "0");

        JsonNode domainAdded = byType.get("CustomDomainAdded").get("changes");
        assertThat(domainAdded.propertyNames()).containsExactly("domains");
        assertThat(domainAdded.get("domains").get("from")).isEmpty();
        JsonNode addedDomain = domainAdded.get("domains").get("to").get(0);
        assertThat(addedDomain.get("domain").asString()).isEqualTo(custom);
        assertThat(addedDomain.get("verified").asBoolean()).isFalse();
        assertThat(addedDomain.get("is_primary").asBoolean()).isFalse();
        JsonNode domainVerified = byType.get("CustomDomainVerified").get("changes");
        assertThat(domainVerified.propertyNames()).containsExactly("domains");
        assertThat(domainVerified.get("domains").get("to").get(0).get("verified").asBoolean()).isTrue();

        JsonNode suspended = byType.get("TenantSuspended");
        assertThat(suspended.get("reason").asString()).isEqualTo("dunning");
        assertThat(suspended.get("changes").propertyNames())
                .containsExactlyInAnyOrder("status", "active", "suspension_reason");
        assertThat(suspended.get("changes").get("suspension_reason").get("to").asString()).isEqualTo("invoice unpaid");
        assertThat(byType.get("TenantReactivated").get("changes").get("status").get("to").asString())
                .isEqualTo("active");
        assertThat(byType.get("TenantDeactivated").get("changes").propertyNames())
                .containsExactlyInAnyOrder("status", "active", "is_trashed");
        assertThat(byType.get("TenantActivated").get("changes").get("is_trashed").get("to").asBoolean()).isFalse();
        JsonNode deleted = byType.get("TenantDeleted").get("changes");
        assertThat(deleted.propertyNames()).containsExactlyInAnyOrder("status", "active", "is_trashed", "deleted_at");
        assertThat(deleted.get("deleted_at").get("from").isNull()).isTrue();
        JsonNode restored = byType.get("TenantRestored").get("changes");
        assertThat(restored.get("status").get("to").asString()).isEqualTo("active");
        assertThat(restored.get("deleted_at").get("to").isNull()).isTrue();
    }

    @Test
    void everyResourceAndDomainEventShowsWhatItChanged() {
        String slug = unique("resources");
        String id = api.create("{\"name\": \"Resources\", \"slug\": \"" + slug + "\"}");
        String at = "/api/tenants/" + id;
        List<String> registered = new ArrayList<>();
        for (String[] resource : new String[][]{{"dids", "{\"number\": \"+4930123456\"}"},
                {"queues", "{\"name\": \"Support\", \"strategy\": \"ringall\"}"},
                {"rates", "{\"prefix\": \"49\", \"price\": \"0.012\", \"currency\": \"EUR\"}"},
                {"users", "{\"email\": \"grace@example.com\", \"status\": 1}"}}) {
            Api.Answer answer = api.send("POST", at + "/" + resource[0], resource[1]);
            ok(answer);
            registered.add(resource[0] + "/" + answer.json().get("data").get("id").asString());
        }
        registered.forEach(resource -> ok(api.send("DELETE", at + "/" + resource, (String) null)));
        String host = slug + ".tenants.test";
        String failedFirst = unique("failed-first") + ".example.com";
        JsonNode first = addDomain(at, failedFirst);
        verifyDomain(at, first);
        DNS.cname(failedFirst, host);
        verifyDomain(at, first);
        ok(api.send("PUT", at + "/domains/" + first.get("id").asString() + "/primary", (String) null));
        JsonNode removed = addDomain(at, unique("removed") + ".example.com");
        ok(api.send("DELETE", at + "/domains/" + removed.get("id").asString(), (String) null));
        String renewed = unique("renewed") + ".example.com";
        JsonNode third = addDomain(at, renewed);
        try {
            clock.stopAt(Instant.parse(third.get("token_expires_at").asString()).plusSeconds(1));
            ok(api.send("POST", at + "/domains?domain=" + renewed, null));
            DNS.cname(renewed, host);
            verifyDomain(at, third);
            DNS.remove(renewed);
            Instant now = clock.instant();
            for (int check = 1; check <= domains.failuresBeforeLoss(); check++) {
                now = now.plus(domains.recheckInterval()).plusSeconds(60);
                clock.stopAt(now);
                rechecks.recheckDue();
            }
        } finally {
            clock.resume();
        }

        List<JsonNode> entries = entries(id, "limit=500");

        assertThat(entries).extracting(entry -> entry.get("type").asString())
                .containsExactlyElementsOf(RESOURCE_AND_DOMAIN_EVENTS);
        for (String kind : List.of("dids", "queues", "rates", "users")) {
            assertThat(entries.subList(1, entries.size()))
                    .filteredOn(entry -> entry.get("changes").has(kind + "_count"))
                    .extracting(entry -> entry.get("changes").get(kind + "_count").toString())
                    .containsExactly("{\"from\":0,\"to\":1}", "{\"from\":1,\"to\":0}");
        }
        JsonNode primary = entries.get(RESOURCE_AND_DOMAIN_EVENTS.indexOf("PrimaryDomainChanged")).get("changes");
        assertThat(primary.get("domain").get("to").asString()).isEqualTo(failedFirst);
        JsonNode removal = entries.get(RESOURCE_AND_DOMAIN_EVENTS.indexOf("CustomDomainRemoved")).get("changes");
        assertThat(removal.get("domains").get("from")).hasSize(2);
        assertThat(removal.get("domains").get("to")).hasSize(1);
        JsonNode lost = entries.get(entries.size() - 1);
        assertThat(lost.get("actor").asString()).isEqualTo("system:domain-recheck");
        assertThat(verifiedIn(lost.get("changes").get("domains").get("from"), renewed)).isTrue();
        assertThat(verifiedIn(lost.get("changes").get("domains").get("to"), renewed)).isFalse();
    }

    private static boolean verifiedIn(JsonNode domains, String domain) {
        for (JsonNode entry : domains) {
            if (entry.get("domain").asString().equals(domain)) {
                return entry.get("verified").asBoolean();
            }
        }
        throw new AssertionError(domain + " is not among " + domains);
    }

    /** The two tests above together make every event type of the contract but the purge, which has its own. */
    @Test
    void theseTestsCoverEveryEventTypeOfTheContract() {
        List<String> covered = new ArrayList<>(TENANT_FIELD_EVENTS);
        covered.addAll(RESOURCE_AND_DOMAIN_EVENTS);
        covered.add("TenantPurged");

        assertThat(Arrays.stream(TenantEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .allSatisfy(type -> assertThat(covered).contains(type));
    }

    private JsonNode addDomain(String tenant, String domain) {
        Api.Answer added = api.send("POST", tenant + "/domains?domain=" + domain, null);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("data");
    }

    private void verifyDomain(String tenant, JsonNode domain) {
        ok(api.send("PUT", tenant + "/domains/" + domain.get("id").asString() + "/verify", (String) null));
    }

    private static void assertChange(Map<String, JsonNode> byType, String type, String field, String from, String to) {
        JsonNode changes = byType.get(type).get("changes");
        assertThat(changes.propertyNames()).as(type).containsExactly(field);
        assertThat(changes.get(field).get("from").toString()).as(type + " from").isEqualTo(from);
        assertThat(changes.get(field).get("to").toString()).as(type + " to").isEqualTo(to);
    }

    @Test
    void theHistoryIsReadNewestFirstOnRequest() {
        String id = tenantWithRenames(2);

        assertThat(sequences(entries(id, "order=desc"))).containsExactly(2L, 1L, 0L);
        assertThat(sequences(entries(id, ""))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void pagesFollowTheirNextLinkBySequenceInEitherOrder() {
        String id = tenantWithRenames(4);

        List<Long> ascending = new ArrayList<>();
        String page = "/api/tenants/" + id + "/history?limit=2";
        while (page != null) {
            Api.Answer answer = api.send("GET", page, (String) null);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            answer.json().get("data").forEach(entry -> ascending.add(entry.get("sequence").asLong()));
            JsonNode next = answer.json().get("links").get("next");
            page = next.isNull() ? null : pathOf(next.asString());
        }
        List<Long> descending = new ArrayList<>();
        page = "/api/tenants/" + id + "/history?order=desc&limit=2";
        List<String> links = new ArrayList<>();
        while (page != null) {
            Api.Answer answer = api.send("GET", page, (String) null);
            answer.json().get("data").forEach(entry -> descending.add(entry.get("sequence").asLong()));
            JsonNode next = answer.json().get("links").get("next");
            page = next.isNull() ? null : pathOf(next.asString());
            if (page != null) {
                links.add(page);
            }
        }

        assertThat(ascending).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(descending).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(links.get(0)).contains("before=3", "order=desc", "limit=2");
        assertThat(sequences(entries(id, "after=1&before=4"))).containsExactly(2L, 3L);
    }

    @Test
    void theHistoryIsFilteredByTypeAndTimeRange() {
        String id = tenantWithRenames(3);
        ok(api.send("PUT", "/api/tenants/" + id + "/suspend", "{\"reason\": \"test\"}"));
        List<JsonNode> all = entries(id, "");

        assertThat(entries(id, "type=TenantRenamed")).extracting(entry -> entry.get("type").asString())
                .containsExactly("TenantRenamed", "TenantRenamed", "TenantRenamed");
        assertThat(entries(id, "type=TenantCreated&type=TenantSuspended")).extracting(e -> e.get("type").asString())
                .containsExactly("TenantCreated", "TenantSuspended");
        assertThat(entries(id, "type=TenantCreated,TenantSuspended")).hasSize(2);

        Instant from = Instant.parse(all.get(1).get("occurred_at").asString());
        Instant to = Instant.parse(all.get(3).get("occurred_at").asString());
        assertThat(sequences(entries(id, "from=" + from + "&to=" + to))).isEqualTo(within(all, from, to))
                .contains(1L, 2L, 3L);
        assertThat(sequences(entries(id, "from=" + to))).isEqualTo(within(all, to, Instant.MAX)).contains(3L, 4L);
        assertThat(sequences(entries(id, "to=" + from))).isEqualTo(within(all, Instant.MIN, from)).contains(0L, 1L);
    }

    /** The sequences of the entries at or after from and at or before to, by their own times. */
    private static List<Long> within(List<JsonNode> entries, Instant from, Instant to) {
        return entries.stream().filter(entry -> {
            Instant at = Instant.parse(entry.get("occurred_at").asString());
            return !at.isBefore(from) && !at.isAfter(to);
        }).map(entry -> entry.get("sequence").asLong()).toList();
    }

    @Test
    void unreadableOrOutOfBoundsParametersAreProblemsNamingThem() {
        String id = tenantWithRenames(0);

        Api.Answer notANumber = history(id, "limit=many");
        Api.Answer tooMany = history(id, "limit=501&order=sideways");
        Api.Answer notAnInstant = history(id, "from=yesterday");
        Api.Answer unknownType = history(id, "type=TenantTeleported");
        Api.Answer backwards = history(id, "from=2026-12-05T00:00:00Z&to=2026-12-04T00:00:00Z");

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("type").asString()).endsWith("malformed-parameters");
        assertThat(notANumber.json().get("errors").has("limit")).isTrue();
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").propertyNames()).containsExactlyInAnyOrder("limit", "order");
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.json().get("errors").has("from")).isTrue();
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.json().get("errors").get("type").toString()).contains("TenantTeleported");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("errors").has("from")).isTrue();
    }

    @Test
    void anUnknownTenantHasNoHistory() {
        Api.Answer answer = history(UUID.randomUUID().toString(), "");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).endsWith("tenant-not-found");
    }

    @Test
    void anMspAdminReadsTheHistoryOfItsPartnersTenantsOnly() {
        String id = api.create("{\"name\": \"Partnered\", \"slug\": \"" + unique("partnered")
                + "\", \"partner_id\": \"partner-audit-a\"}");
        Api own = Api.withToken(port, TestTokens.token().partner("partner-audit-a").sign());
        Api other = Api.withToken(port, TestTokens.token().partner("partner-audit-b").sign());

        Api.Answer ours = own.send("GET", "/api/tenants/" + id + "/history", (String) null);
        Api.Answer theirs = other.send("GET", "/api/tenants/" + id + "/history", (String) null);

        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("type").asString()).endsWith("tenant-not-found");
    }

    @Test
    void theHistoryNeedsTheAuditScope() {
        String id = tenantWithRenames(0);
        Api writer = Api.withToken(port, TestTokens.token()
                .scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE, Scopes.TENANTS_PURGE, Scopes.REGISTRY_ADMIN).sign());
        Api auditor = Api.withToken(port, TestTokens.token().subject("auditor").scopes(Scopes.AUDIT_READ).sign());

        assertThat(writer.send("GET", "/api/tenants/" + id + "/history", (String) null).status()).isEqualTo(403);
        assertThat(auditor.send("GET", "/api/tenants/" + id + "/history", (String) null).status()).isEqualTo(200);
    }

    @Test
    void aPurgedTenantsHistoryStaysReadable() {
        String id = tenantWithRenames(1);
        ok(api.send("DELETE", "/api/tenants/" + id + "?purge=true", (String) null));

        List<JsonNode> entries = entries(id, "");

        assertThat(entries).extracting(entry -> entry.get("type").asString())
                .containsExactly("TenantCreated", "TenantRenamed", "TenantDeleted", "TenantPurged");
        assertThat(entries.get(3).get("changes").isEmpty()).isTrue();
    }

    @Test
    void aTenantNumberNamesItsHistoryToo() {
        Api.Answer created = api.post("{\"name\": \"Numbered\", \"slug\": \"" + unique("numbered") + "\"}");
        String id = created.json().get("data").get("id").asString();
        int number = created.json().get("data").get("number").asInt();

        assertThat(entries(String.valueOf(number), "")).extracting(entry -> entry.get("tenant_id").asString())
                .containsExactly(id);
    }
}
