package org.tenantregistry.query.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.web.RawHttp;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint answers bad input with a problem detail and a 4xx, never a 500. */
class ErrorResponsesIT extends DatabaseIntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void perPageAboveOneHundredIsRefusedWith422AndAnErrorForThatField() {
        Api.Response response = get("/api/tenants?per_page=101");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(response.body().get("title").asString()).isEqualTo("Invalid parameters");
        assertThat(response.body().get("errors").get("per_page").get(0).asString())
                .isEqualTo("The per page field must be between 1 and 100.");
    }

    @Test
    void everyOutOfBoundsParameterIsListedAtOnce() {
        Api.Response response = get("/api/tenants?page=0&per_page=0&status=sleeping&country_code=DEU&sort=age");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("errors").propertyNames())
                .containsExactlyInAnyOrder("page", "per_page", "status", "country_code", "sort");
        assertThat(get("/api/tenants/count?status=sleeping").status()).isEqualTo(422);
    }

    @Test
    void unreadableParametersAre400() {
        Api.Response page = get("/api/tenants?page=two");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body().get("errors").get("page").get(0).asString())
                .isEqualTo("The page field must be a whole number.");

        Api.Response id = get("/api/tenants/not-a-uuid");
        assertThat(id.status()).as("no tenant has such an id").isEqualTo(404);
        assertThat(id.contentType()).isEqualTo(PROBLEM);
        assertThat(id.body().get("detail").asString()).contains("UUIDs or numbers");
        assertThat(get("/api/tenants/999999999").status()).as("a number nobody was given").isEqualTo(404);

        assertThat(get("/api/tenants?include_deleted=maybe").status()).isEqualTo(400);
    }

    @Test
    void unknownTenantsAre404OnEveryLookup() {
        for (String uri : List.of("/api/tenants/" + UUID.randomUUID(), "/api/tenants/by-slug/nobody-here",
                "/api/tenants/by-domain/nobody.example.com")) {
            Api.Response response = get(uri);
            assertThat(response.status()).as(uri).isEqualTo(404);
            assertThat(response.contentType()).isEqualTo(PROBLEM);
            assertThat(response.body().get("title").asString()).isEqualTo("Tenant not found");
        }
        assertThat(get("/api/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void aMalformedMinVersionTokenIs400OnEveryEndpoint() {
        for (String uri : List.of("/api/tenants", "/api/tenants/count", "/api/tenants/" + UUID.randomUUID(),
                "/api/tenants/by-slug/x", "/api/tenants/by-domain/x.example.com", "/api/dashboard/msp")) {
            for (String token : List.of("abc", UUID.randomUUID() + ":zero", UUID.randomUUID() + ":0", "x:1")) {
                Api.Response response = get(uri + "?min_version=" + token);
                assertThat(response.status()).as(uri + " " + token).isEqualTo(400);
                assertThat(response.body().get("errors").get("min_version").get(0).asString()).contains(token);
            }
        }
    }

    @Test
    void aVersionThatNeverArrivesIsAnswered503WithRetryAfter() {
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Waiting", "waiting-" + UUID.randomUUID(), null, "DE")));

        for (String uri : List.of("/api/tenants/" + tenant.tenantId(), "/api/tenants", "/api/dashboard/msp")) {
            Api.Response response = get(uri + "?min_version=" + tenant.tenantId() + ":1," + tenant.tenantId() + ":2");

            assertThat(response.status()).as(uri).isEqualTo(503);
            assertThat(response.retryAfter()).isEqualTo("1");
            assertThat(response.contentType()).isEqualTo(PROBLEM);
            assertThat(response.body().get("pending").get(0).asString()).isEqualTo(tenant.tenantId() + ":2");
        }
        assertThat(get("/api/tenants/" + tenant.tenantId() + "?min_version=" + tenant.tenantId() + ":1").status())
                .isEqualTo(200);
    }

    @Test
    void aPathSpeltOtherwiseIsRefusedWith400() {
        RawHttp raw = new RawHttp(port);
        for (String path : List.of("/api/tenants;x=1", "/%61pi/tenants", "/api/tenant%73", "/api;x=1/tenants",
                "//api/tenants", "/api/./tenants", "/x/../api/tenants", "/api/tenants/%2e%2e/tenants",
                "/api/tenants%2F", "/api/tenants%5C", "/api/t%C3%A9nants", "/api/tenants/c%6Funt")) {
            RawHttp.Answer answer = raw.send("GET", path);
            assertThat(answer.status()).as(path + " " + answer.text()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).isEqualTo(PROBLEM);
            assertThat(answer.json().get("type").asString()).as(path)
                    .isEqualTo("urn:tenant-registry:problem:malformed-request");
        }
    }

    @Test
    void malformedQueryStringsAndPathsAre4xxProblemDetailsOnAnyUrl() {
        RawHttp raw = new RawHttp(port);
        for (String target : List.of("/api/tenants?=x", "/api/tenants/count?=x", "/actuator/health?=x",
                "/api/tenants?search=%ff", "/api/tenants?search=%c3%28", "/api/tenants?search=a%00b",
                "/api/tenants?status=%ff", "/api/tenants?search=%", "/api/tenants/count?partner_id=a%00",
                "/api/dashboard/msp?partner_id=%00", "/api/tenants?search=tab%09", "/api/tenants/%ff",
                "/api/tenants/by-slug/a%00b", "/api/tenants/by-domain/%c3%28", "/api/tenants?search=a|b",
                "/api/ten%ants", "/v3/api-docs?%=1")) {
            RawHttp.Answer answer = raw.send("GET", target);
            assertThat(answer.status()).as(target + " " + answer.text()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(target).isEqualTo(PROBLEM);
            assertThat(answer.json().get("status").asInt()).as(target).isEqualTo(answer.status());
        }
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWith413ChunkedOrWithALyingLength() {
        RawHttp raw = new RawHttp(port);
        for (String path : List.of("/api/tenants", "/api/dashboard/msp", "/actuator/health", "/nowhere")) {
            RawHttp.Answer chunked = raw.send("GET", path, RawHttp.chunkedBody(20L << 20),
                    "Content-Type: application/json", "Transfer-Encoding: chunked");
            RawHttp.Answer lyingLength = raw.send("GET", path, new ByteArrayInputStream("{}".getBytes()),
                    "Content-Type: application/json", "Content-Length: 94371840");

            assertThat(chunked.status()).as(path + " " + chunked.text()).isEqualTo(413);
            assertThat(chunked.header("Content-Type")).isEqualTo(PROBLEM);
            assertThat(lyingLength.status()).as(path).isEqualTo(413);
        }
        byte[] parts = "--b\r\nContent-Disposition: form-data; name=\"search\"\r\n\r\nx\r\n--b--\r\n".getBytes();
        RawHttp.Answer multipart = raw.send("GET", "/api/tenants", new ByteArrayInputStream(parts),
                "Content-Type: multipart/form-data; boundary=b", "Content-Length: " + parts.length);
        assertThat(multipart.status()).as(multipart.text()).isLessThan(500);
    }

    @Test
    void onlyATrustedProxyDecidesTheHostOfThePaginatorsLinks() throws Exception {
        String[] forwarded = {"X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
                "Forwarded: host=evil.example;proto=https"};
        RawHttp.Answer fromClient = new RawHttp(port, InetAddress.getByName("127.0.0.1"))
                .send("GET", "/api/tenants?per_page=1", forwarded);
        RawHttp.Answer fromGateway = new RawHttp(port, InetAddress.getByName("127.0.0.2"))
                .send("GET", "/api/tenants?per_page=1", "X-Forwarded-Host: registry.example.com",
                        "X-Forwarded-Proto: https");

        assertThat(fromClient.json().get("links").get("first").asString())
                .startsWith("http://localhost:" + port + "/api/tenants?");
        assertThat(fromClient.json().get("meta").get("path").asString()).doesNotContain("evil");
        assertThat(fromGateway.json().get("links").get("first").asString())
                .startsWith("https://registry.example.com/api/tenants?");
    }

    @Test
    void theApiIsDescribedWithOpenApi() {
        Api.Response docs = get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").propertyNames()).contains("/api/tenants", "/api/tenants/count",
                "/api/tenants/{id}", "/api/tenants/by-slug/{slug}", "/api/tenants/by-domain/{domain}",
                "/api/dashboard/msp");
        assertThat(docs.body().get("components").get("schemas").get("Tenant").get("properties").propertyNames())
                .contains("suspension_reason", "max_extensions", "partner_id", "created_at", "deleted_at");
        assertThat(docs.body().get("paths").get("/api/tenants").get("get").get("responses").get("200")
                .get("content").get("application/json").get("example").get("meta").get("last_page").asInt())
                .isEqualTo(3);
    }

    @Test
    void swaggerUiOpensOnTheApiDescription() {
        Api.Response page = get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<div id=\"swagger-ui\">");
        assertThat(get("/swagger-ui.html").status()).as("the configured path redirects to the page").isEqualTo(302);
        assertThat(get("/v3/api-docs/swagger-config").body().get("url").asString()).isEqualTo("/v3/api-docs");
    }
}
