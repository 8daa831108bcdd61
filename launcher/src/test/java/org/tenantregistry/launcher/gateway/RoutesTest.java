package org.tenantregistry.launcher.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    private final Routes routes = new Routes(URI.create("http://localhost:8081"), URI.create("http://localhost:8082"));

    @Test
    void readsOfTheApiGoToTheQuerySide() {
        assertThat(routes.target("GET", "/api/tenants", "search=acme&page=2"))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants?search=acme&page=2"));
        assertThat(routes.target("HEAD", "/api/tenants/count", null))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/count"));
    }

    @Test
    void writesOfTheApiGoToTheCommandSide() {
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(routes.target(method, "/api/tenants/42", "purge=true"))
                    .isEqualTo(URI.create("http://localhost:8081/api/tenants/42?purge=true"));
        }
    }

    @Test
    void whoTheCallerIsIsAnsweredByTheCommandSide() {
        assertThat(routes.target("GET", "/api/me", null)).isEqualTo(URI.create("http://localhost:8081/api/me"));
        assertThat(routes.target("HEAD", "/api/me", null)).isEqualTo(URI.create("http://localhost:8081/api/me"));
        assertThat(routes.target("GET", "/api/members", null))
                .isEqualTo(URI.create("http://localhost:8082/api/members"));
    }

    @Test
    void aTenantAsItWasIsReadOnTheCommandSide() {
        String id = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
        assertThat(routes.target("GET", "/api/tenants/" + id, "as_of=2026-12-04T09:30:00Z"))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/" + id + "?as_of=2026-12-04T09:30:00Z"));
        assertThat(routes.target("HEAD", "/api/tenants/1042", "include_deleted=true&at_version=3"))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/1042?include_deleted=true&at_version=3"));
        assertThat(routes.target("GET", "/api/tenants/" + id, "at_version"))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/" + id + "?at_version"));
    }

    @Test
    void theTenantAsItIsNowIsReadOnTheQuerySide() {
        String id = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
        assertThat(routes.target("GET", "/api/tenants/" + id, null))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/" + id));
        assertThat(routes.target("GET", "/api/tenants/" + id, "min_version=" + id + ":3&was_of=x"))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/" + id + "?min_version=" + id + ":3&was_of=x"));
        assertThat(routes.target("GET", "/api/tenants/count", "as_of=2026-12-04T09:30:00Z"))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/count?as_of=2026-12-04T09:30:00Z"));
        assertThat(routes.target("GET", "/api/tenants/" + id + "/extensions", "as_of=2026-12-04T09:30:00Z"))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/" + id + "/extensions?as_of=2026-12-04T09:30:00Z"));
    }

    @Test
    void aTenantsHistoryTheEventsAcrossTenantsAndTheCheckpointsAreReadOnTheCommandSide() {
        String id = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
        assertThat(routes.target("GET", "/api/tenants/" + id + "/history", "order=desc&limit=10"))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/" + id + "/history?order=desc&limit=10"));
        assertThat(routes.target("GET", "/api/tenants/1042/history/verify", null))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/1042/history/verify"));
        assertThat(routes.target("GET", "/api/events", "after=100&type=TenantRenamed"))
                .isEqualTo(URI.create("http://localhost:8081/api/events?after=100&type=TenantRenamed"));
        assertThat(routes.target("GET", "/api/audit/checkpoints", "limit=5"))
                .isEqualTo(URI.create("http://localhost:8081/api/audit/checkpoints?limit=5"));
        assertThat(routes.target("GET", "/api/tenants/42/historyx", null))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/42/historyx"));
    }

    @Test
    void theQuerySidesOperationsGoThereWritesIncluded() {
        assertThat(routes.target("POST", "/api/admin/projections/tenants/rebuild", null))
                .isEqualTo(URI.create("http://localhost:8082/api/admin/projections/tenants/rebuild"));
        assertThat(routes.target("GET", "/api/admin/projections", null))
                .isEqualTo(URI.create("http://localhost:8082/api/admin/projections"));
        assertThat(routes.target("POST", "/api/admin/dead-letters/42/replay", null))
                .isEqualTo(URI.create("http://localhost:8082/api/admin/dead-letters/42/replay"));
        assertThat(routes.target("POST", "/api/admin/republish", null))
                .isEqualTo(URI.create("http://localhost:8081/api/admin/republish"));
        assertThat(routes.target("POST", "/api/admin/projectionsx", null))
                .isEqualTo(URI.create("http://localhost:8081/api/admin/projectionsx"));
    }

    @Test
    void theKeysOfTheSealedFieldsAreTheCommandSides() {
        String id = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
        assertThat(routes.target("GET", "/api/event-keys/" + id, null))
                .isEqualTo(URI.create("http://localhost:8081/api/event-keys/" + id));
        assertThat(routes.target("GET", "/api/event-keys", "tenant_id=" + id))
                .isEqualTo(URI.create("http://localhost:8081/api/event-keys?tenant_id=" + id));
    }

    @Test
    void aQuerySidePathThatLooksLikeAHistoryStaysThere() {
        assertThat(routes.target("GET", "/api/tenants/by-slug/history", null))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/by-slug/history"));
        assertThat(routes.target("GET", "/api/eventsource", null))
                .isEqualTo(URI.create("http://localhost:8082/api/eventsource"));
    }

    @Test
    void readsOutsideTheApiGoToTheCommandSide() {
        assertThat(routes.target("GET", "/swagger-ui.html", null))
                .isEqualTo(URI.create("http://localhost:8081/swagger-ui.html"));
        assertThat(routes.target("GET", "/v3/api-docs", null))
                .isEqualTo(URI.create("http://localhost:8081/v3/api-docs"));
    }

    @Test
    void aPathThatOnlyBeginsLikeTheApiIsNotTheApi() {
        assertThat(routes.target("GET", "/apiary", null)).isEqualTo(URI.create("http://localhost:8081/apiary"));
        assertThat(routes.target("GET", "/queryable", null)).isEqualTo(URI.create("http://localhost:8081/queryable"));
    }

    @Test
    void aSidesPrefixReachesThatSideWithoutThePrefix() {
        assertThat(routes.target("GET", "/query/v3/api-docs", null))
                .isEqualTo(URI.create("http://localhost:8082/v3/api-docs"));
        assertThat(routes.target("GET", "/query/actuator/health", null))
                .isEqualTo(URI.create("http://localhost:8082/actuator/health"));
        assertThat(routes.target("GET", "/command/api/tenants", null))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants"));
    }

    @Test
    void anEncodedPathIsPassedOnAsItCame() {
        assertThat(routes.target("GET", "/api/tenants/by-domain/a%2Fb.example.com", null))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/by-domain/a%2Fb.example.com"));
    }

    @Test
    void aPathWithDotSegmentsOrAMalformedEscapeIsNotRouted() {
        assertThat(Routes.isRoutable("/command/../x")).isFalse();
        assertThat(Routes.isRoutable("/query/%2e%2E/actuator")).isFalse();
        assertThat(Routes.isRoutable("/api/./tenants")).isFalse();
        assertThat(Routes.isRoutable("/api/tenants/%")).isFalse();
        assertThat(Routes.isRoutable("/api/tenants/%zz")).isFalse();
    }

    @Test
    void aCanonicalPathIsRoutedEvenWithEscapesAndDotsInsideSegments() {
        assertThat(Routes.isRoutable("/api/tenants/by-domain/a%2Fb.example.com")).isTrue();
        assertThat(Routes.isRoutable("/api/tenants/by-slug/..acme")).isTrue();
        assertThat(Routes.isRoutable("/")).isTrue();
    }

    @Test
    void theConsolesReadPagesAreTheQuerySides() {
        String id = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
        for (String page : new String[]{"/console", "/console/tenants", "/console/tenants/" + id, "/console/tenants/1042",
                "/console/dashboard", "/console/operations"}) {
            assertThat(routes.target("GET", page, null)).isEqualTo(URI.create("http://localhost:8082" + page));
        }
        assertThat(routes.target("GET", "/console/tenants", "search=acme&status=active"))
                .isEqualTo(URI.create("http://localhost:8082/console/tenants?search=acme&status=active"));
        assertThat(routes.target("POST", "/console/operations/tenants/rebuild", null))
                .isEqualTo(URI.create("http://localhost:8082/console/operations/tenants/rebuild"));
    }

    @Test
    void theConsolesFormsLoginAndHistoryAreTheCommandSides() {
        String id = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
        assertThat(routes.target("POST", "/console/login", null))
                .isEqualTo(URI.create("http://localhost:8081/console/login"));
        assertThat(routes.target("GET", "/console/tenants/new", null))
                .isEqualTo(URI.create("http://localhost:8081/console/tenants/new"));
        assertThat(routes.target("POST", "/console/tenants", null))
                .isEqualTo(URI.create("http://localhost:8081/console/tenants"));
        assertThat(routes.target("POST", "/console/tenants/" + id, null))
                .isEqualTo(URI.create("http://localhost:8081/console/tenants/" + id));
        for (String page : new String[]{"/console/tenants/" + id + "/edit", "/console/tenants/" + id + "/history"}) {
            assertThat(routes.target("GET", page, null)).isEqualTo(URI.create("http://localhost:8081" + page));
        }
        assertThat(routes.target("POST", "/console/tenants/" + id + "/suspend", null))
                .isEqualTo(URI.create("http://localhost:8081/console/tenants/" + id + "/suspend"));
    }
}
