package org.tenantregistry.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004 ({@code ../shared/seeds/004_*.txt}), a FastAPI admin API under {@code /api/v1/admin/tenants/}: list with
 * page, per_page, search, status and partner_id, create 201, get, PATCH with security settings, soft delete 204, and
 * FastAPI's {@code HTTPValidationError}. Its bearer JWTs belong to the security issue; these requests carry none.
 */
@ExtendWith(SharedSystem.class)
class Seed004FastApiAdminTenantsIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String PARTNER = "partner-seed-004";

    private static Http registry;

    @BeforeAll
    static void callTheRegistryThroughItsOneBaseUrl(RunningSystem system) {
        registry = system.client(system.baseUrl);
    }

    @Test
    void createGetPatchAndSoftDeleteThroughTheAdminPaths() {
        Http.Answer created = registry.send("POST", "/api/v1/admin/tenants/", """
                {"name": "Fast Admin One", "slug": "fast-admin-one", "partner_id": "%s"}""".formatted(PARTNER), JSON);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.body().path("data").path("id").asString();

        JsonNode got = Eventually.of(() -> {
            Http.Answer tenant = registry.get("/api/v1/admin/tenants/" + id);
            assertThat(tenant.status()).isEqualTo(200);
            return tenant.body().path("data");
        });
        assertThat(got.path("slug").asString()).isEqualTo("fast-admin-one");

        Http.Answer patched = registry.send("PATCH", "/api/v1/admin/tenants/" + id, """
                {"settings": {"mfa_required": true, "mfa_methods": ["totp", "webauthn"],
                              "password_policy": {"min_length": 12}, "session_timeout": 30}}""", JSON);
        assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
        JsonNode settings = patched.body().path("data").path("settings");
        assertThat(settings.path("mfa_required").asBoolean(false)).isTrue();
        assertThat(settings.path("session_timeout").asInt()).isEqualTo(30);

        Http.Answer deleted = registry.send("DELETE", "/api/v1/admin/tenants/" + id, null, Map.of());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.raw().body()).isEmpty();
        Eventually.of(() -> {
            assertThat(registry.get("/api/v1/admin/tenants/" + id).status()).as("soft-deleted: gone").isEqualTo(404);
            return null;
        });
        Http.Answer kept = registry.get("/api/tenants/" + id + "?include_deleted=true");
        assertThat(kept.body().path("data").path("status").asString()).as("but kept").isEqualTo("deleted");
    }

    @Test
    void theListFiltersByStatusPartnerAndSearchWithAndWithoutTheTrailingSlash() {
        String active = create("Fast Admin Listed", "fast-admin-listed");
        String suspended = create("Fast Admin Paused", "fast-admin-paused");
        registry.send("PUT", "/api/tenants/" + suspended + "/suspend", """
                {"reason": "seed 004 filter"}""", JSON);

        for (String path : List.of("/api/v1/admin/tenants/", "/api/v1/admin/tenants")) {
            Eventually.of(() -> {
                assertThat(idsIn(registry.get(path + "?partner_id=" + PARTNER + "&status=suspended&page=1&per_page=10")))
                        .containsExactly(suspended);
                assertThat(idsIn(registry.get(path + "?partner_id=" + PARTNER + "&search=listed")))
                        .containsExactly(active);
                return null;
            });
        }
    }

    @Test
    void invalidInputIsAnHttpValidationError() {
        Http.Answer refused = registry.send("POST", "/api/v1/admin/tenants/", """
                {"slug": "Not A Slug"}""", JSON);

        assertThat(refused.status()).isEqualTo(422);
        JsonNode detail = refused.body().path("detail");
        assertThat(detail.isArray()).isTrue();
        List<String> locations = new ArrayList<>();
        for (JsonNode error : detail) {
            assertThat(error.path("msg").asString()).isNotBlank();
            assertThat(error.path("type").asString()).isNotBlank();
            locations.add(error.path("loc").get(0).asString() + "." + error.path("loc").get(1).asString());
        }
        assertThat(locations).contains("body.name", "body.slug");

        Http.Answer badPage = registry.get("/api/v1/admin/tenants/?per_page=1000");
        assertThat(badPage.status()).isEqualTo(422);
        assertThat(badPage.body().path("detail").get(0).path("loc").get(0).asString()).isEqualTo("query");
    }

    @Test
    void anUnknownTenantIsFastApisNotFound() {
        Http.Answer missing = registry.get("/api/v1/admin/tenants/00000000-0000-4000-8000-000000000000");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("detail").isString()).isTrue();
    }

    private static String create(String name, String slug) {
        Http.Answer created = registry.send("POST", "/api/v1/admin/tenants", """
                {"name": "%s", "slug": "%s", "partner_id": "%s"}""".formatted(name, slug, PARTNER), JSON);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().path("data").path("id").asString();
    }

    private static List<String> idsIn(Http.Answer list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().path("data").forEach(tenant -> ids.add(tenant.path("id").asString()));
        return ids;
    }
}
