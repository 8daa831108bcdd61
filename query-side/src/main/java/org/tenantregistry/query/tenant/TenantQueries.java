package org.tenantregistry.query.tenant;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the tenant read model. */
@Service
public class TenantQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TenantCounter counter;
    private final JsonMapper json;
    private final RowMapper<TenantView> rowMapper = this::toView;

    TenantQueries(JdbcClient jdbc, TenantCounter counter, JsonMapper json) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.json = json;
    }

    /** The total comes from the counters unless there is search text; then the trigram indexes find the rows. */
    public TenantPage find(FindTenants query) {
        Conditions conditions = conditions(query.filter());
        long total = query.filter().hasSearch() ? countRows(conditions) : counter.sum(query.filter());
        if (query.offset() >= total) {
            return new TenantPage(List.of(), total);
        }
        List<TenantView> tenants = conditions
                .bind(jdbc.sql("SELECT * FROM tenant" + conditions.where() + " ORDER BY " + query.sort().orderBy()
                        + " LIMIT :limit__ OFFSET :offset__"))
                .param("limit__", query.perPage())
                .param("offset__", query.offset())
                .query(rowMapper)
                .list();
        return new TenantPage(tenants, total);
    }

    public long count(CountTenants query) {
        return query.filter().hasSearch() ? countRows(conditions(query.filter())) : counter.sum(query.filter());
    }

    public Optional<TenantView> byId(UUID id, boolean includeDeleted) {
        return jdbc.sql("SELECT * FROM tenant WHERE id = :id").param("id", id).query(rowMapper).optional()
                .filter(tenant -> includeDeleted || tenant.status() != TenantStatus.DELETED);
    }

    /** A soft-deleted tenant keeps its slug claimed, so a live tenant with the same slug wins over it. */
    public Optional<TenantView> bySlug(String slug, boolean includeDeleted) {
        return first("slug = lower(:key)", slug, includeDeleted);
    }

    public Optional<TenantView> byDomain(String domain, boolean includeDeleted) {
        return first("lower(domain) = lower(:key)", domain, includeDeleted);
    }

    private Optional<TenantView> first(String clause, String key, boolean includeDeleted) {
        return jdbc.sql("SELECT * FROM tenant WHERE " + clause + (includeDeleted ? "" : " AND status <> 'deleted'")
                        + " ORDER BY (status = 'deleted'), updated_at DESC LIMIT 1")
                .param("key", key)
                .query(rowMapper)
                .optional();
    }

    private long countRows(Conditions conditions) {
        return conditions.bind(jdbc.sql("SELECT count(*) FROM tenant" + conditions.where())).query(Long.class).single();
    }

    private static Conditions conditions(TenantFilter filter) {
        Conditions conditions = Conditions.ofFacets(filter, "partner_id", "country_code");
        if (filter.hasSearch()) {
            conditions.add("(name ILIKE :pattern OR slug ILIKE :pattern OR domain ILIKE :pattern"
                    + " OR description ILIKE :pattern)", "pattern", "%" + escapeLike(filter.search().trim()) + "%");
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
                instant(rs.getTimestamp("deleted_at")),
                new TenantView.Counts(rs.getInt("extensions_count"), rs.getInt("users_count"),
                        rs.getInt("custom_domains_count")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
