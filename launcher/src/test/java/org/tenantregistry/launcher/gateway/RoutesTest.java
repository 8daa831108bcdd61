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
    void theAuditTrailIsAnsweredByTheCommandSide() {
        assertThat(routes.target("GET", "/api/tenants/42/history/verify", null))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/42/history/verify"));
        assertThat(routes.target("GET", "/api/tenants/42/history", "order=desc"))
                .isEqualTo(URI.create("http://localhost:8081/api/tenants/42/history?order=desc"));
        assertThat(routes.target("GET", "/api/audit/checkpoints", "limit=5"))
                .isEqualTo(URI.create("http://localhost:8081/api/audit/checkpoints?limit=5"));
        assertThat(routes.target("GET", "/api/tenants/42/historyx", null))
                .isEqualTo(URI.create("http://localhost:8082/api/tenants/42/historyx"));
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
}
