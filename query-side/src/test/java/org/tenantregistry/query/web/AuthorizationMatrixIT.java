package org.tenantregistry.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import org.tenantregistry.support.web.FastApiErrorsFilter;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the query side's OpenAPI document (and the actuator's), asked by every kind of caller that must
 * be refused: 401 for a token that is missing or not to be trusted, 403 for a token without the scope, and for the
 * operator's endpoints and metrics 403 to a token bound to a partner or a tenant, whatever its scopes. The operator's
 * one write, skipping a dead letter, is done by none of them.
 */
class AuthorizationMatrixIT extends DatabaseIntegrationTest {

    private static final List<String> ACTUATOR = List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationRefusesEveryCallerItMustAndNothingIsWritten() {
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Matrix", "matrix-" + UUID.randomUUID(), "partner-matrix", "DE")));
        Map<String, String> operations = operations();
        long skippedBefore = skippedDeadLetters();

        List<String> wrong = new ArrayList<>();
        operations.forEach((operation, path) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String uri = path.replace("{id}", tenant.tenantId().toString()).replaceAll("\\{[^}]+}", "1");
            untrusted().forEach((caller, token) -> expect(wrong, operation + " with " + caller,
                    send(method, uri, token), 401, path));
            boolean admin = path.startsWith("/api/admin/") || path.startsWith("/actuator/");
            String withoutTheScope = admin ? TestTokens.token().scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE).sign()
                    : TestTokens.token().scopes(Scopes.TENANTS_WRITE).sign();
            expect(wrong, operation + " with a token without the scope", send(method, uri, withoutTheScope), 403, path);
            if (admin) {
                expect(wrong, operation + " with an MSP admin's token (every scope, bound to a partner)",
                        send(method, uri, TestTokens.token().partner("partner-matrix").sign()), 403, path);
                expect(wrong, operation + " with a client admin's token (every scope, bound to a tenant)",
                        send(method, uri, TestTokens.token().tenant(tenant.tenantId().toString()).sign()), 403, path);
            }
        });

        assertThat(operations).containsKeys("GET /api/tenants", "GET /api/tenants/{id}", "GET /api/dashboard/msp",
                "POST /api/admin/dead-letters/{id}/skip", "GET /actuator/prometheus");
        assertThat(wrong).as("answers other than expected").isEmpty();
        assertThat(skippedDeadLetters()).isEqualTo(skippedBefore);
    }

    /** The tokens no operation may accept, whatever it needs; null: no token at all. */
    private static Map<String, String> untrusted() {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("an expired token", TestTokens.token().issuedAt(now.minus(Duration.ofHours(2)), Duration.ofHours(1)).sign());
        tokens.put("a token not valid yet", TestTokens.token().issuedAt(now.plus(Duration.ofHours(1)), Duration.ofHours(1)).sign());
        tokens.put("a token signed by an unknown key", TestTokens.token().signWithUnknownKey());
        tokens.put("an unsigned token (alg: none)", TestTokens.token().unsigned());
        tokens.put("an HS256 token keyed with the public key", TestTokens.token().signWithThePublicKeyAsHmacSecret());
        tokens.put("a token of another issuer", TestTokens.token().issuer("https://other-issuer.test").sign());
        tokens.put("a token for another audience", TestTokens.token().audience("another-api").sign());
        return tokens;
    }

    private Api.Response send(String method, String uri, String token) {
        Api api = new Api(mvc, token);
        return "POST".equals(method) ? api.post(uri, "{\"reason\": \"matrix\"}") : api.get(uri);
    }

    /** The status, as problem details; on seed 004's paths as FastAPI's {@code {"detail": ...}}, as its clients read it. */
    private static void expect(List<String> wrong, String what, Api.Response answer, int status, String path) {
        String mediaType = (path + "/").startsWith(FastApiErrorsFilter.PREFIX) ? "application/json"
                : "application/problem+json";
        if (answer.status() != status || answer.contentType() == null || !answer.contentType().startsWith(mediaType)) {
            wrong.add(what + ": " + answer.status() + " " + answer.text());
        }
    }

    /** "METHOD path" of every operation but the public ones, and the actuator's endpoints needing a token. */
    private Map<String, String> operations() {
        JsonNode paths = get("/v3/api-docs").body().get("paths");
        Map<String, String> operations = new TreeMap<>();
        for (String path : paths.propertyNames()) {
            if (path.startsWith("/api/public/")) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                if (Set.of("get", "post").contains(method)) {
                    operations.put(method.toUpperCase() + " " + path, path);
                }
            }
        }
        ACTUATOR.forEach(path -> operations.put("GET " + path, path));
        return operations;
    }

    private long skippedDeadLetters() {
        return jdbc.sql("SELECT count(*) FROM projection_dead_letter WHERE skipped_at IS NOT NULL").query(Long.class).single();
    }
}
