package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.web.RawHttp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer says about itself to browsers and proxies, and whom CORS lets in. */
class SecurityHeadersIT extends WebIntegrationTest {

    private static final String ALLOWED_ORIGIN = "https://console.example.test";

    @Test
    void anApiAnswerIsNotSniffedNotFramedNotCachedAndNamesNoServer() {
        Api.Answer answer = api.post("{\"name\": \"Headers\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Server")).isNull();
        assertThat(answer.header("X-Powered-By")).isNull();
    }

    @Test
    void aRefusalCarriesTheSameHeaders() {
        Api.Answer answer = Api.anonymous(port).post("{\"name\": \"Refused\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Server")).isNull();
    }

    @Test
    void hstsIsSentOnlyOverTls() {
        RawHttp gateway = new RawHttp(port, address("127.0.0.2"));

        RawHttp.Answer overTls = gateway.send("GET", "/actuator/health", "X-Forwarded-Proto: https");
        RawHttp.Answer plain = gateway.send("GET", "/actuator/health");

        assertThat(overTls.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void corsLetsTheConfiguredOriginInAndNoOther() {
        Api.Answer allowed = preflight(ALLOWED_ORIGIN);
        Api.Answer other = preflight("https://evil.example.test");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPathNotInCanonicalFormIsRefusedBeforeAnyTokenIsAskedFor() {
        for (String path : List.of("/api/tenants;jsessionid=1", "/api//tenants", "/api/./tenants",
                "/api/x/../tenants", "/api/%2e%2e/tenants", "/%61pi/tenants", "/api/tenants%2F1")) {
            Api.Answer answer = Api.anonymous(port).send("POST", path, "{\"name\": \"Sneaky\"}");

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).isEqualTo("application/problem+json");
        }
    }

    private Api.Answer preflight(String origin) {
        return Api.anonymous(port).send("OPTIONS", "/api/tenants", (String) null, "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
    }

    private static InetAddress address(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
