package org.tenantregistry.query.tenant;

import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantStatus;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes of the tenant table; every write also stamps the tenant's version and updated_at from the envelope. */
@Repository
class TenantReadModel {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TenantReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<TenantFacets> facets(UUID tenantId) {
        return jdbc.sql("SELECT status, partner_id, country_code FROM tenant WHERE id = :id")
                .param("id", tenantId)
                .query((rs, row) -> TenantFacets.of(rs.getString("status"), rs.getString("partner_id"),
                        rs.getString("country_code")))
                .optional();
    }

    void insert(TenantEventEnvelope envelope, TenantCreated created) {
        Branding branding = Objects.requireNonNullElse(created.branding(), Branding.NONE);
        Profile profile = Objects.requireNonNullElse(created.profile(), Profile.NONE);
        jdbc.sql("""
                        INSERT INTO tenant (id, name, slug, domain, status, timezone, max_extensions, settings,
                            logo_url, accent_color, currency, description, address, city, post_code, country_code,
                            partner_id, created_at, updated_at, version)
                        VALUES (:id, :name, :slug, :domain, :status, :timezone, :maxExtensions, :settings,
                            :logoUrl, :accentColor, :currency, :description, :address, :city, :postCode, :countryCode,
                            :partnerId, :at, :at, :version)""")
                .param("id", created.tenantId())
                .param("name", created.name())
                .param("slug", created.slug())
                .param("domain", created.domain())
                .param("status", TenantStatus.ACTIVE.wireName())
                .param("timezone", created.timezone())
                .param("maxExtensions", created.maxExtensions())
                .param("settings", jsonb(created.settings()))
                .param("logoUrl", branding.logoUrl())
                .param("accentColor", branding.accentColor())
                .param("currency", branding.currency())
                .param("description", profile.description())
                .param("address", profile.address())
                .param("city", profile.city())
                .param("postCode", profile.postCode())
                .param("countryCode", countryCode(profile.countryCode()))
                .param("partnerId", created.partnerId())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("version", envelope.sequence() + 1)
                .update();
    }

    /** Sets the given columns (names are constants of the projection, never input). */
    void update(TenantEventEnvelope envelope, Map<String, Object> columns) {
        String assignments = columns.keySet().stream()
                .map(column -> column + " = :" + column)
                .collect(Collectors.joining(", "));
        jdbc.sql("UPDATE tenant SET " + (assignments.isEmpty() ? "" : assignments + ", ")
                        + "version = :version__, updated_at = :at__ WHERE id = :id__")
                .params(columns)
                .param("version__", envelope.sequence() + 1)
                .param("at__", Timestamp.from(envelope.occurredAt()))
                .param("id__", envelope.tenantId())
                .update();
    }

    void delete(UUID tenantId) {
        jdbc.sql("DELETE FROM tenant WHERE id = :id").param("id", tenantId).update();
    }

    PGobject jsonb(Map<String, Object> value) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(json.writeValueAsString(value == null ? Map.of() : value));
            return object;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot wrap JSON for PostgreSQL", e);
        }
    }

    static String countryCode(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
