package org.tenantregistry.query.tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantStatus;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes of the tenant table, many tenants per statement: each column's values go as one array and come apart with
 * {@code unnest}, so a batch of a thousand tenants costs one INSERT, not a thousand. Every write also stamps the
 * tenant's version and updated_at from the envelope.
 */
@Repository
class TenantReadModel {

    /**
     * The columns the projection writes, with their types. Values travel as text arrays cast to these types: one
     * encoding for every type, and PostgreSQL parses timestamps as the ISO-8601 instants they are, whatever the time
     * zone of the JVM or the session.
     */
    private static final Map<String, String> COLUMN_TYPES = columnTypes();

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TenantReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<UUID, TenantFacets> facets(Collection<UUID> tenantIds) {
        Map<UUID, TenantFacets> facets = new HashMap<>();
        jdbc.sql("SELECT id, status, partner_id, country_code FROM tenant WHERE id = ANY(:ids)")
                .param("ids", new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new)))
                .query((rs, row) -> facets.put(rs.getObject("id", UUID.class), TenantFacets.of(rs.getString("status"),
                        rs.getString("partner_id"), rs.getString("country_code"))))
                .list();
        return facets;
    }

    /** The whole row of a created tenant, as {@link #insert} takes it. */
    Map<String, Object> row(TenantEventEnvelope envelope, TenantCreated created) {
        Branding branding = Objects.requireNonNullElse(created.branding(), Branding.NONE);
        Profile profile = Objects.requireNonNullElse(created.profile(), Profile.NONE);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", created.tenantId());
        row.put("number", created.number());
        row.put("name", created.name());
        row.put("slug", created.slug());
        row.put("domain", created.domain());
        row.put("status", TenantStatus.ACTIVE.wireName());
        row.put("timezone", created.timezone());
        row.put("max_extensions", created.maxExtensions());
        row.put("settings", jsonb(created.settings()));
        row.put("logo_url", branding.logoUrl());
        row.put("accent_color", branding.accentColor());
        row.put("currency", branding.currency());
        row.put("description", profile.description());
        row.put("address", profile.address());
        row.put("city", profile.city());
        row.put("post_code", profile.postCode());
        row.put("country_code", countryCode(profile.countryCode()));
        row.put("partner_id", created.partnerId());
        row.put("created_at", envelope.occurredAt());
        row.put("updated_at", envelope.occurredAt());
        row.put("version", envelope.sequence() + 1);
        return row;
    }

    /** New tenants, each a full {@link #row}, possibly with later changes of the same batch merged in. */
    void insert(List<Map<String, Object>> rows) {
        byColumns(rows).forEach((columns, group) -> bind(jdbc.sql("INSERT INTO tenant (" + String.join(", ", columns)
                + ") SELECT * FROM unnest(" + arrays(columns) + ")"), columns, group).update());
    }

    /**
     * Sets the given columns of each tenant (names are constants of the projection, never input); each map holds the
     * tenant's {@code id}. Tenants changing the same columns share one statement.
     */
    void update(List<Map<String, Object>> rows) {
        byColumns(rows).forEach((columns, group) -> {
            String assignments = columns.stream().filter(column -> !column.equals("id"))
                    .map(column -> column + " = v." + column)
                    .collect(Collectors.joining(", "));
            bind(jdbc.sql("UPDATE tenant t SET " + assignments + " FROM unnest(" + arrays(columns) + ") AS v("
                    + String.join(", ", columns) + ") WHERE t.id = v.id"), columns, group).update();
        });
    }

    void delete(Collection<UUID> tenantIds) {
        if (!tenantIds.isEmpty()) {
            jdbc.sql("DELETE FROM tenant WHERE id = ANY(:ids)")
                    .param("ids", new SqlArrayValue("uuid", tenantIds.toArray(UUID[]::new)))
                    .update();
        }
    }

    /** Settings as JSON text, cast to jsonb by the statement. */
    String jsonb(Map<String, Object> value) {
        return json.writeValueAsString(value == null ? Map.of() : value);
    }

    static String countryCode(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static Map<List<String>, List<Map<String, Object>>> byColumns(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> List.copyOf(new TreeSet<>(row.keySet())),
                LinkedHashMap::new, Collectors.toList()));
    }

    private static String arrays(List<String> columns) {
        return columns.stream()
                .map(column -> "CAST(:" + column + " AS " + typeOf(column) + "[])")
                .collect(Collectors.joining(", "));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<String> columns,
                                                 List<Map<String, Object>> rows) {
        for (String column : columns) {
            String[] values = rows.stream()
                    .map(row -> row.get(column) == null ? null : row.get(column).toString())
                    .toArray(String[]::new);
            statement = statement.param(column, new SqlArrayValue("text", (Object[]) values));
        }
        return statement;
    }

    private static String typeOf(String column) {
        String type = COLUMN_TYPES.get(column);
        if (type == null) {
            throw new IllegalArgumentException("the tenant projection does not write column " + column);
        }
        return type;
    }

    private static Map<String, String> columnTypes() {
        Map<String, String> types = new HashMap<>();
        for (String text : List.of("name", "slug", "domain", "status", "suspension_reason", "timezone", "logo_url",
                "accent_color", "currency", "description", "address", "city", "post_code", "country_code",
                "partner_id")) {
            types.put(text, "text");
        }
        types.put("id", "uuid");
        types.put("number", "integer");
        types.put("max_extensions", "integer");
        types.put("settings", "jsonb");
        types.put("created_at", "timestamptz");
        types.put("updated_at", "timestamptz");
        types.put("deleted_at", "timestamptz");
        types.put("version", "bigint");
        return Map.copyOf(types);
    }
}
