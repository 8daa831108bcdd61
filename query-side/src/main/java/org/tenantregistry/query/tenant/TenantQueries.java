package org.tenantregistry.query.tenant;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Reads of the tenant read model. */
@Service
public class TenantQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TenantCounter counter;
    private final JsonMapper json;
    private final RowMapper<TenantView> rowMapper = this::toView;
    private final TransactionTemplate readOnly;

    TenantQueries(JdbcClient jdbc, TenantCounter counter, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Without search text the total comes from the counters, exact. With it, the page is read first: a first page
     * that holds every match is its own exact total; otherwise the matches are counted up to the query's cap. The
     * counters are kept per partner, so an MSP admin's totals come from them too; a client admin's (one tenant at
     * most) from its row.
     */
    public TenantPage find(FindTenants query) {
        TenantFilter filter = query.filter();
        Conditions conditions = conditions(filter, query.reach());
        if (countedByCounters(filter, query.reach())) {
            Total total = Total.exactly(counter.sum(filter, query.reach()));
            if (query.after() == null && query.offset() >= total.value()) {
                return new TenantPage(List.of(), total, null);
            }
            return page(query, conditions, total);
        }
        return searching(() -> {
            TenantPage page = page(query, conditions, null);
            boolean wholeListShown = query.after() == null && query.offset() == 0 && page.next() == null;
            Total total = wholeListShown ? Total.exactly(page.tenants().size())
                    : countUpTo(conditions, query.sort(), query.totalCap(), query.offset() + page.tenants().size());
            return new TenantPage(page.tenants(), total, page.next());
        });
    }

    public Total count(CountTenants query) {
        if (countedByCounters(query.filter(), query.reach())) {
            return Total.exactly(counter.sum(query.filter(), query.reach()));
        }
        return searching(() -> countUpTo(conditions(query.filter(), query.reach()), TenantSort.DEFAULT,
                query.totalCap(), 0));
    }

    /**
     * The tenant the number was given to, deleted or not; empty for a number no projected tenant in reach has, so that
     * another partner's tenant's number is as unknown as one never given out.
     */
    public Optional<UUID> idOfNumber(int number, Reach reach) {
        Conditions conditions = new Conditions().add("number = :number", "number", number)
                .within(reach, "partner_id", "id");
        return conditions.bind(jdbc.sql("SELECT id FROM tenant" + conditions.where())).query(UUID.class).optional();
    }

    public Optional<TenantView> byId(UUID id, boolean includeDeleted, Reach reach) {
        Conditions conditions = new Conditions().add("id = :id", "id", id).within(reach, "partner_id", "id");
        return conditions.bind(jdbc.sql("SELECT * FROM tenant" + conditions.where())).query(rowMapper).optional()
                .filter(tenant -> includeDeleted || tenant.status() != TenantStatus.DELETED);
    }

    /**
     * A soft-deleted tenant keeps its slug claimed, so a live tenant with the same slug wins over it. Only tenants in
     * reach compete: another partner's live tenant never hides the caller's deleted one, nor shows up in its place.
     */
    public Optional<TenantView> bySlug(String slug, boolean includeDeleted, Reach reach) {
        return first("slug = lower(:key)", slug, includeDeleted, reach);
    }

    public Optional<TenantView> byDomain(String domain, boolean includeDeleted, Reach reach) {
        return first("lower(domain) = lower(:key)", domain, includeDeleted, reach);
    }

    /** Whether the tenant is projected and in reach; always when nothing is out of reach. */
    public boolean inReach(UUID id, Reach reach) {
        return !reach.isLimited() || byId(id, true, reach).isPresent();
    }

    /**
     * Those of the tenants that are projected but out of reach. A read does not wait for their versions: what it
     * answers cannot show them anyway. (A tenant not projected yet may be the caller's own, just created: it is not
     * among them, and is waited for.)
     */
    public Set<UUID> outOfReach(Collection<UUID> ids, Reach reach) {
        if (!reach.isLimited() || ids.isEmpty()) {
            return Set.of();
        }
        Conditions inReach = new Conditions().within(reach, "partner_id", "id");
        // IS NOT TRUE: a tenant without a partner compares as null, and is out of an MSP admin's reach too.
        return Set.copyOf(inReach.bind(jdbc.sql("SELECT id FROM tenant WHERE id = ANY(:ids__) AND "
                        + inReach.conjunction() + " IS NOT TRUE"))
                .param("ids__", new SqlArrayValue("uuid", ids.toArray(UUID[]::new)))
                .query(UUID.class)
                .list());
    }

    private Optional<TenantView> first(String clause, String key, boolean includeDeleted, Reach reach) {
        Conditions conditions = new Conditions().add(clause, "key", key).within(reach, "partner_id", "id");
        if (!includeDeleted) {
            conditions.add("status <> :hiddenStatus", "hiddenStatus", "deleted");
        }
        return conditions.bind(jdbc.sql("SELECT * FROM tenant" + conditions.where()
                        + " ORDER BY (status = 'deleted'), updated_at DESC LIMIT 1"))
                .query(rowMapper)
                .optional();
    }

    /** Counters answer a total without search text, for every tenant or a partner's, but not for one tenant. */
    private static boolean countedByCounters(TenantFilter filter, Reach reach) {
        return !filter.hasSearch() && reach.tenantId() == null;
    }

    /**
     * One row more than the page shows tells whether another page follows; the last shown row's sort key is where it
     * starts. A cursor resumes on the sort index itself; a page number skips rows (bounded by the web layer).
     */
    private TenantPage page(FindTenants query, Conditions conditions, Total total) {
        TenantSort sort = query.sort();
        Conditions rowsAfter = query.after() == null ? conditions : conditions.and(sort.after(),
                Map.of("afterKey__", query.after().key(), "afterId__", query.after().id()));
        List<Keyed> rows = rowsAfter
                .bind(jdbc.sql("SELECT *, " + sort.keyAsText() + " AS sort_key__ FROM tenant" + rowsAfter.where()
                        + " ORDER BY " + sort.orderBy() + " LIMIT :limit__ OFFSET :offset__"))
                .param("limit__", query.perPage() + 1)
                .param("offset__", query.after() == null ? query.offset() : 0)
                .query((rs, row) -> new Keyed(toView(rs, row), rs.getString("sort_key__")))
                .list();
        List<Keyed> shown = rows.subList(0, Math.min(rows.size(), query.perPage()));
        TenantCursor next = rows.size() > query.perPage()
                ? new TenantCursor(sort, shown.get(shown.size() - 1).key(), shown.get(shown.size() - 1).tenant().id()) : null;
        return new TenantPage(shown.stream().map(Keyed::tenant).toList(), total, next);
    }

    /**
     * Counts the matches, but stops at one more than the cap: a broad term's 100,000 matches are not read for a
     * number nobody pages through. {@code shown} (how many rows the caller already saw) keeps a lower bound true.
     * The matches are taken in the list's order on purpose: then the planner makes the same choice as for the page,
     * walking the sort index for a broad term (the first cap + 1 matches come soon) and probing the trigram index for
     * a selective one. Unordered, it may scan the table for a broad term, which reads every row before the first
     * match when the matches lie together at its end, or collect all 100,000 matches from the trigram index.
     */
    private Total countUpTo(Conditions conditions, TenantSort sort, int cap, long shown) {
        long counted = conditions
                .bind(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM tenant" + conditions.where()
                        + " ORDER BY " + sort.orderBy() + " LIMIT :cap__) matches"))
                .param("cap__", cap + 1)
                .query(Long.class)
                .single();
        return counted <= cap ? Total.exactly(counted) : Total.atLeast(Math.max(cap, shown));
    }

    /**
     * Runs a search's statements with custom plans only. Whether walking the sort index or probing the trigram index
     * is faster depends on how often the term occurs, which the planner reads from the pattern; a cached generic plan
     * (the driver prepares a statement used five times, PostgreSQL may then keep one plan for every term) would walk
     * a million rows for a rare term or sort a hundred thousand for a common one.
     */
    private <T> T searching(Supplier<T> statements) {
        return readOnly.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return statements.get();
        });
    }

    private static Conditions conditions(TenantFilter filter, Reach reach) {
        Conditions conditions = Conditions.ofFacets(filter, "partner_id", "country_code")
                .within(reach, "partner_id", "id");
        if (filter.name() != null) {
            conditions.add("lower(name) = lower(:name)", "name", filter.name().strip());
        }
        if (filter.description() != null) {
            conditions.add("description ILIKE :description", "description",
                    "%" + escapeLike(filter.description().strip()) + "%");
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            // lower() of the bound pattern is folded into a constant when planning, as PostgreSQL lower-cased the
            // search document: the same function on both sides, and a pattern the trigram index and the planner's
            // statistics can use.
            conditions.add("search_text LIKE lower(:pattern)", "pattern", "%" + escapeLike(filter.search().trim()) + "%");
        }
        return conditions;
    }

    /** The search text is literal: % and _ in it match themselves. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private TenantView toView(ResultSet rs, int row) throws SQLException {
        return new TenantView(
                rs.getObject("id", UUID.class),
                (Integer) rs.getObject("number"),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("domain"),
                TenantStatus.fromWireName(rs.getString("status")),
                rs.getString("suspension_reason"),
                rs.getString("timezone"),
                rs.getInt("max_extensions"),
                json.readValue(rs.getString("settings"), JSON_OBJECT),
                new Branding(rs.getString("logo_url"), rs.getString("accent_color"), rs.getString("currency")),
                new Profile(rs.getString("description"), rs.getString("address"), rs.getString("city"),
                        rs.getString("post_code"), rs.getString("country_code")),
                rs.getString("partner_id"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"),
                instant(rs.getTimestamp("deleted_at")));
    }

    private record Keyed(TenantView tenant, String key) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
