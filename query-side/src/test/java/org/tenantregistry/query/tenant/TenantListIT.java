package org.tenantregistry.query.tenant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three thousand tenants of one partner, loaded through both projections' handlers in batches: search, filters, sort
 * and the paginator's meta and links, on the last page and past it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantListIT extends DatabaseIntegrationTest {

    private static final int TENANTS = 3_000;
    private static final int BATCH = 500;
    private static final String[] COUNTRIES = {"DE", "AT", "FR"};

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String partner = "partner-list-" + run;
    /** Only in some names, descriptions and domains, in mixed case. */
    private final String marker = "Mk" + run;
    private final List<Row> rows = new ArrayList<>();

    @BeforeAll
    void threeThousandTenants() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<TenantEventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            TenantStream stream = TenantStream.startingAt(start.plusSeconds(i * 60L));
            String name = "Company %04d%s".formatted(i % 1_000, i % 7 == 0 ? " " + marker : "");
            String slug = "list-" + run + "-" + i;
            String domain = slug + (i % 13 == 0 ? "-" + marker.toLowerCase(Locale.ROOT) : "") + ".example.com";
            String description = i % 11 == 0 ? "Hosts the " + marker.toUpperCase(Locale.ROOT) + " line" : "Plain";
            String country = COUNTRIES[i % 3];
            TenantEventEnvelope created = stream.next(new TenantCreated(stream.tenantId(), name, slug, domain, "UTC", 5,
                    Map.of(), Branding.NONE, new Profile(description, null, null, null, country), partner, null));
            batch.add(created);
            String status = "active";
            if (i % 10 == 9) {
                batch.add(stream.next(new TenantSuspended(stream.tenantId(), "unpaid")));
                status = "suspended";
            }
            if (i % 25 == 24) {
                batch.add(stream.next(new TenantDeleted(stream.tenantId(), TenantStatus.fromWireName(status))));
                status = "deleted";
            }
            rows.add(new Row(stream.tenantId(), name, slug, country, status, created.occurredAt(),
                    i % 7 == 0 || i % 11 == 0 || i % 13 == 0));
            if (batch.size() >= BATCH) {
                load(batch);
            }
        }
        load(batch);
    }

    @Test
    void nameMatchesTheWholeNameCaseInsensitivelyAndDescriptionAnyPartOfIt() {
        long descriptions = IntStream.range(0, TENANTS).filter(i -> i % 11 == 0 && i % 25 != 24).count();

        JsonNode named = get("/api/tenants?partner_id=" + partner + "&name=COMPANY 0001").body();

        assertThat(named.get("message").asString()).isEqualTo("Tenants fetched successfully.");
        assertThat(named.get("data").valueStream().map(tenant -> tenant.get("name").asString()))
                .as("Company 0001 twice; not Company 0001 with the marker after it")
                .containsExactly("Company 0001", "Company 0001");
        assertThat(count("partner_id=" + partner + "&name=company 0001")).isEqualTo(2);
        assertThat(count("partner_id=" + partner + "&description=the " + marker.toLowerCase(Locale.ROOT)))
                .isEqualTo(descriptions);
        assertThat(get("/api/tenants?partner_id=" + partner + "&description=" + marker + "&per_page=100")
                .body().get("meta").get("total").asLong()).isEqualTo(descriptions);
    }

    @Test
    void theLastPageAndThePageAfterItShowCorrectMetaAndLinks() {
        List<Row> visible = rows(row -> !row.status().equals("deleted"), Row.NEWEST_FIRST);

        JsonNode last = get("/api/tenants?partner_id=" + partner + "&per_page=100&page=29").body();

        assertThat(ids(last)).isEqualTo(visible.subList(2_800, 2_880).stream().map(Row::id).toList());
        JsonNode meta = last.get("meta");
        assertThat(meta.get("current_page").asInt()).isEqualTo(29);
        assertThat(meta.get("from").asLong()).isEqualTo(2_801);
        assertThat(meta.get("to").asLong()).isEqualTo(2_880);
        assertThat(meta.get("per_page").asInt()).isEqualTo(100);
        assertThat(meta.get("total").asLong()).isEqualTo(2_880);
        assertThat(meta.get("last_page").asLong()).isEqualTo(29);
        assertThat(meta.get("path").asString()).isEqualTo("http://localhost/api/tenants");
        JsonNode links = last.get("links");
        String base = "http://localhost/api/tenants?partner_id=" + partner + "&per_page=100&page=";
        assertThat(links.get("first").asString()).isEqualTo(base + 1);
        assertThat(links.get("last").asString()).isEqualTo(base + 29);
        assertThat(links.get("prev").asString()).isEqualTo(base + 28);
        assertThat(links.get("next").isNull()).isTrue();

        JsonNode past = get("/api/tenants?partner_id=" + partner + "&per_page=100&page=30").body();

        assertThat(past.get("data").size()).isZero();
        assertThat(past.get("meta").get("from").isNull()).isTrue();
        assertThat(past.get("meta").get("to").isNull()).isTrue();
        assertThat(past.get("meta").get("total").asLong()).isEqualTo(2_880);
        assertThat(past.get("meta").get("last_page").asLong()).isEqualTo(29);
        assertThat(past.get("links").get("prev").asString()).isEqualTo(base + 29);
        assertThat(past.get("links").get("next").isNull()).isTrue();
    }

    @Test
    void theFirstPageHasTenByDefaultAndNoPreviousLink() {
        JsonNode first = get("/api/tenants?partner_id=" + partner).body();

        assertThat(ids(first)).isEqualTo(rows(row -> !row.status().equals("deleted"), Row.NEWEST_FIRST)
                .subList(0, 10).stream().map(Row::id).toList());
        assertThat(first.get("meta").get("from").asLong()).isEqualTo(1);
        assertThat(first.get("meta").get("to").asLong()).isEqualTo(10);
        assertThat(first.get("meta").get("last_page").asLong()).isEqualTo(288);
        assertThat(first.get("links").get("prev").isNull()).isTrue();
        assertThat(first.get("links").get("next").asString()).contains("?partner_id=" + partner + "&page=2&cursor=");
    }

    @Test
    void searchIgnoresCaseAndLooksInNameSlugDomainAndDescription() {
        List<Row> expected = rows(row -> row.marked() && !row.status().equals("deleted"), Row.NEWEST_FIRST);

        JsonNode found = get("/api/tenants?per_page=100&search=" + marker.toUpperCase(Locale.ROOT)).body();

        assertThat(found.get("meta").get("total").asLong()).isEqualTo(expected.size());
        assertThat(ids(found)).isEqualTo(expected.subList(0, 100).stream().map(Row::id).toList());
        assertThat(get("/api/tenants/count?search=" + marker.toLowerCase(Locale.ROOT)).body().get("count").asLong())
                .isEqualTo(expected.size());
        assertThat(get("/api/tenants/count?search=list-" + run + "-29&include_deleted=true").body().get("count")
                .asLong()).as("tenants 29, 290 to 299 and 2900 to 2999").isEqualTo(111);
        assertThat(get("/api/tenants/count?search=list-" + run + "-299").body().get("count").asLong())
                .as("slugs and domains of tenants 299 and 2990 to 2999 that are not deleted").isEqualTo(
                        rows.stream().filter(row -> row.slug().contains("-" + run + "-299"))
                                .filter(row -> !row.status().equals("deleted")).count());
    }

    @Test
    void filtersAndSortingByNameGiveStablePagesThatAddUpToTheFilteredList() {
        List<Row> expected = rows(row -> row.status().equals("suspended") && row.country().equals("AT"), Row.BY_NAME);
        List<UUID> paged = new ArrayList<>();
        JsonNode page = get("/api/tenants?partner_id=" + partner + "&status=suspended&country_code=at&sort=name&per_page=7")
                .body();
        paged.addAll(ids(page));
        while (!page.get("links").get("next").isNull()) {
            page = get(page.get("links").get("next").asString().replace("http://localhost", "")).body();
            paged.addAll(ids(page));
        }

        assertThat(paged).isEqualTo(expected.stream().map(Row::id).toList());
        assertThat(page.get("meta").get("total").asLong()).isEqualTo(expected.size());
    }

    @Test
    void sortingBySlugDescendingAndCreatedAtAscending() {
        List<Row> bySlug = rows(row -> !row.status().equals("deleted"),
                Comparator.comparing(Row::slug).reversed());
        List<Row> oldest = rows(row -> !row.status().equals("deleted"), Row.NEWEST_FIRST.reversed());

        assertThat(ids(get("/api/tenants?partner_id=" + partner + "&sort=-slug&per_page=20").body()))
                .isEqualTo(bySlug.subList(0, 20).stream().map(Row::id).toList());
        assertThat(ids(get("/api/tenants?partner_id=" + partner + "&sort=created_at&per_page=20&page=3").body()))
                .isEqualTo(oldest.subList(40, 60).stream().map(Row::id).toList());
    }

    @Test
    void countsMatchTheRowsUnderEveryFilter() {
        assertThat(count("partner_id=" + partner)).isEqualTo(2_880);
        assertThat(count("partner_id=" + partner + "&include_deleted=true")).isEqualTo(TENANTS);
        assertThat(count("partner_id=" + partner + "&status=deleted")).isEqualTo(120);
        assertThat(count("partner_id=" + partner + "&status=suspended&country_code=FR"))
                .isEqualTo(rows(row -> row.status().equals("suspended") && row.country().equals("FR"),
                        Row.NEWEST_FIRST).size());
        assertThat(count("partner_id=" + partner + "&country_code=DE"))
                .isEqualTo(get("/api/tenants?partner_id=" + partner + "&country_code=DE").body()
                        .get("meta").get("total").asLong());
    }

    @Test
    void aCountWithoutSearchTextAddsUpTheCountersInsteadOfScanningAMillionRows() {
        String counted = "partner-counted-" + run;
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Counted " + run, "counted-" + run, counted, "DE")));
        assertThat(count("partner_id=" + counted)).isEqualTo(1);

        // No row could make one tenant count as 42: only an answer read from the counter shows the change. The partner
        // is this test's own, so no other test meets the skewed counter.
        assertThat(jdbc.sql("UPDATE tenant_count SET tenants = 42 WHERE partner_key = :partner")
                .param("partner", counted).update()).isEqualTo(1);

        assertThat(count("partner_id=" + counted)).isEqualTo(42);
        assertThat(count("partner_id=" + counted + "&status=active&country_code=DE")).isEqualTo(42);
        assertThat(count("partner_id=" + counted + "&search=counted " + run)).as("search text counts rows")
                .isEqualTo(1);
    }

    @Test
    void linksKeepEveryQueryParameterEncodedOnce() {
        JsonNode page = get("/api/tenants?partner_id=" + partner + "&search=company 00&sort=name&per_page=5&page=2")
                .body();

        assertThat(page.get("links").get("next").asString()).startsWith("http://localhost/api/tenants?partner_id="
                + partner + "&search=company%2000&sort=name&per_page=5&page=3&cursor=");
        assertThat(page.get("links").get("prev").asString()).endsWith("&per_page=5&page=1");
    }

    @Test
    void searchIsServedByTheTrigramIndexOfTheSearchDocument() {
        // The planner prefers a scan on a table this small; forbidding scans shows the index fits the search's shape.
        String plan = transaction.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM tenant WHERE search_text LIKE lower(:pattern)")
                    .param("pattern", "%" + marker + "%")
                    .query(String.class)
                    .list());
        });

        assertThat(plan).contains("tenant_search_trgm");
    }

    @Test
    void theSearchDocumentHoldsTheFourFieldsLowerCasedAndTakesPercentAndUnderscoreLiterally() {
        String own = "Lit" + run;
        TenantStream percent = TenantStream.newTenant();
        TenantStream digits = TenantStream.newTenant();
        TenantStream underscore = TenantStream.newTenant();
        TenantStream letter = TenantStream.newTenant();
        deliver(List.of(
                percent.next(created(percent, "Rate 50% " + own, "rate-a-" + run, null, null)),
                digits.next(created(digits, "Rate 500 " + own, "rate-b-" + run, null, null)),
                underscore.next(created(underscore, "Plain " + run, "plain-a-" + run, null, "Under_score " + own)),
                letter.next(created(letter, "Plain " + run, "plain-b-" + run, "underxscore-" + run + ".example.com",
                        "Underxscore " + own))));

        assertThat(ids(get("/api/tenants?search=50% " + own.toUpperCase(Locale.ROOT)).body()))
                .containsExactly(percent.tenantId());
        assertThat(ids(get("/api/tenants?search=UNDER_SCORE " + own).body())).containsExactly(underscore.tenantId());
        assertThat(ids(get("/api/tenants?search=UnderXscore-" + run + ".Example").body()))
                .as("the domain").containsExactly(letter.tenantId());
        assertThat(jdbc.sql("SELECT search_text FROM tenant WHERE id = :id").param("id", letter.tenantId())
                .query(String.class).single()).isEqualTo(String.join("\u001f", "plain " + run.toLowerCase(Locale.ROOT),
                "plain-b-" + run, "underxscore-" + run + ".example.com", "underxscore " + own.toLowerCase(Locale.ROOT)));
        assertThat(count("search=plain " + run)).isEqualTo(2);
        assertThat(count("search=" + run + "plain-a")).as("no match across the end of one field and the next")
                .isZero();
    }

    @Test
    void aBroadSearchCountsUpToTheCapAndSaysThatItsTotalIsALowerBound() {
        JsonNode found = get("/api/tenants?search=list-" + run + "-&per_page=100").body();

        JsonNode meta = found.get("meta");
        assertThat(found.get("data").size()).isEqualTo(100);
        assertThat(meta.get("total").asLong()).isEqualTo(1_000);
        assertThat(meta.get("total_relation").asString()).isEqualTo("gte");
        assertThat(meta.get("last_page").isNull()).isTrue();
        assertThat(found.get("links").get("last").isNull()).isTrue();
        assertThat(found.get("links").get("next").asString()).contains("&page=2&cursor=");
        JsonNode counted = get("/api/tenants/count?search=list-" + run + "-").body();
        assertThat(counted.get("count").asLong()).isEqualTo(1_000);
        assertThat(counted.get("count_relation").asString()).isEqualTo("gte");

        JsonNode few = get("/api/tenants?search=list-" + run + "-299&per_page=5").body().get("meta");
        assertThat(few.get("total_relation").asString()).isEqualTo("eq");
        assertThat(few.get("last_page").asLong()).isEqualTo(2);
        assertThat(get("/api/tenants/count?search=list-" + run + "-299").body().get("count_relation").asString())
                .isEqualTo("eq");
        assertThat(get("/api/tenants/count?partner_id=" + partner).body().get("count_relation").asString())
                .isEqualTo("eq");
    }

    @Test
    void followingNextReadsEveryTenantExactlyOnceInOrderPastTheCountsCap() {
        List<Row> expected = rows(row -> !row.status().equals("deleted"), Row.NEWEST_FIRST);
        List<UUID> paged = new ArrayList<>();
        JsonNode page = get("/api/tenants?search=LIST-" + run + "-&per_page=100").body();
        int pages = 1;
        paged.addAll(ids(page));
        while (!page.get("links").get("next").isNull()) {
            page = get(page.get("links").get("next").asString().replace("http://localhost", "")).body();
            pages++;
            paged.addAll(ids(page));
            assertThat(page.get("meta").get("current_page").asInt()).isEqualTo(pages);
            assertThat(page.get("meta").get("from").asLong()).isEqualTo((pages - 1) * 100L + 1);
        }

        assertThat(paged).isEqualTo(expected.stream().map(Row::id).toList());
        assertThat(pages).isEqualTo(29);
        assertThat(page.get("meta").get("to").asLong()).isEqualTo(2_880);
        assertThat(page.get("links").get("prev").asString()).endsWith("&per_page=100&page=28");
    }

    @Test
    void aPageNumberSkipsAtMostTheMaximumOffsetAndACursorOfAnotherListIsRefused() {
        assertThat(get("/api/tenants?partner_id=" + partner + "&per_page=100&page=101").status()).isEqualTo(200);
        Api.Response tooDeep = get("/api/tenants?partner_id=" + partner + "&per_page=100&page=102");
        assertThat(tooDeep.status()).isEqualTo(422);
        assertThat(tooDeep.body().get("errors").get("page").get(0).asString()).contains("at most 101", "links.next");

        Api.Response garbage = get("/api/tenants?cursor=not-a-cursor");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("errors").get("cursor").get(0).asString()).contains("links.next");
        String next = get("/api/tenants?partner_id=" + partner).body().get("links").get("next").asString();
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());
        assertThat(get("/api/tenants?partner_id=" + partner + "&sort=name&cursor=" + cursor).status())
                .as("a cursor of another sort").isEqualTo(400);
        assertThat(get("/api/tenants?partner_id=" + partner + "&per_page=100&page=500&cursor=" + cursor).status())
                .as("with a cursor the page number only numbers the page").isEqualTo(200);
    }

    private long count(String query) {
        return get("/api/tenants/count?" + query).body().get("count").asLong();
    }

    private TenantCreated created(TenantStream stream, String name, String slug, String domain, String description) {
        return new TenantCreated(stream.tenantId(), name, slug, domain, "UTC", 5, Map.of(), Branding.NONE,
                new Profile(description, null, null, null, "DE"), "partner-literal-" + run, null);
    }

    private void load(List<TenantEventEnvelope> batch) {
        runner.handleAll(tenants, batch);
        runner.handleAll(statistics, batch);
        batch.clear();
    }

    private List<Row> rows(Predicate<Row> filter, Comparator<Row> order) {
        return rows.stream().filter(filter).sorted(order).toList();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("data").forEach(tenant -> ids.add(UUID.fromString(tenant.get("id").asString())));
        return ids;
    }

    /** PostgreSQL orders uuids byte by byte, which is the order of their lower-case text. */
    private record Row(UUID id, String name, String slug, String country, String status, Instant createdAt,
                       boolean marked) {

        static final Comparator<Row> NEWEST_FIRST = Comparator.comparing(Row::createdAt).reversed();
        static final Comparator<Row> BY_NAME = Comparator.comparing((Row row) -> row.name().toLowerCase(Locale.ROOT))
                .thenComparing(row -> row.id().toString());
    }
}
