package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.publishing.TopicReader;
import org.tenantregistry.command.publishing.WithEmbeddedKafka;
import org.tenantregistry.events.TenantTopics;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import org.tenantregistry.support.web.FastApiErrorsFilter;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the command side's OpenAPI document (and the actuator's), asked by every kind of caller that
 * must be refused: 401 for a token that is missing or not to be trusted, 403 for a missing scope or a client admin's
 * token (bound to a tenant) outside its own settings, and for another partner's tenant exactly the answer an unknown
 * id gets; the audit's reads need audit:read, and the events across tenants refuse a partner's token. Not one refused request writes an event or reaches the
 * topic. With a broker of its own, so that the topic can be read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT extends WithEmbeddedKafka {

    private static final String PARTNER = "partner-matrix";
    /** Fields most write bodies take, so that as many requests as may get past validation to the tenant. */
    private static final String BODY = """
            {"name": "Matrix", "slug": "matrix-%s", "reason": "matrix", "user_status": 2, "number": "100"}"""
            .formatted(UUID.randomUUID().toString().substring(0, 8));
    /** Endpoints outside the OpenAPI document that need a scope too. */
    private static final List<Endpoint> ACTUATOR = List.of(new Endpoint("GET", "/actuator/prometheus"),
            new Endpoint("GET", "/actuator/metrics"), new Endpoint("GET", "/actuator/info"));
    /** Operators' endpoints besides the actuator: a token bound to a partner is refused too, whatever its scopes. */
    private static final String OPERATORS = "/api/admin/republish";
    private static final String EVENT_KEYS = "/api/event-keys";
    /** Public on purpose: logging in and out. */
    private static final Set<String> PUBLIC = Set.of("/api/admin/login", "/api/admin/logout");
    /** A client admin's own endpoint: a token bound to a tenant changes that tenant's settings there. */
    private static final String SETTINGS = "/api/settings";
    /** The events across tenants: every partner's, so no partner's token reads them. */
    private static final String EVENTS = "/api/events";
    /** Endpoints any authenticated caller may use, whatever its scopes. */
    private static final Set<String> ANY_SCOPE = Set.of("/api/me", "/api/tenants/{id}/switch");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private record Endpoint(String method, String path) {

        boolean namesATenant() {
            return path.contains("{id}");
        }

        /** The command side's reads are the audit's, but for the event keys: they need audit:read, which the writes do not. */
        boolean audits() {
            return method.equals("GET") && !ANY_SCOPE.contains(path) && !path.startsWith("/actuator/")
                    && !path.startsWith(OPERATORS) && !path.startsWith(EVENT_KEYS);
        }

        String on(String tenant) {
            String concrete = path.replace("{id}", tenant).replace("{kind}", "extensions")
                    .replace("{resourceId}", UUID.randomUUID().toString())
                    .replace("{did}", UUID.randomUUID().toString()).replace("{checkpoint}", "1");
            // the command side answers GET /api/tenants/{id} only as of a version or an instant
            return method.equals("GET") && path.equals("/api/tenants/{id}") ? concrete + "?at_version=1" : concrete;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A caller that must be refused, and with what. */
    private record BadCaller(String name, String authorization, int status) {
    }

    @Test
    void everyEndpointRefusesEveryCallerItMustAndNothingIsWrittenOrPublished() {
        Api admin = new Api(port);
        String tenant = admin.create("{\"name\": \"Matrix Tenant\", \"partner_id\": \"" + PARTNER + "\"}");
        List<Endpoint> endpoints = endpoints(admin);
        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(tenant).size() == 1);
            long eventsBefore = storedEvents();
            int publishedBefore = topic.poll().size();

            List<String> wrong = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                for (BadCaller caller : untrusted()) {
                    expect(wrong, endpoint, caller.name(), send(endpoint, tenant, caller.authorization()),
                            caller.status());
                }
                if (!ANY_SCOPE.contains(endpoint.path())) {
                    String withoutTheScope = bearer(endpoint.path().startsWith(EVENT_KEYS)
                            ? TestTokens.token().scopes(Scopes.AUDIT_READ, Scopes.TENANTS_WRITE, Scopes.TENANTS_PURGE,
                                    Scopes.REGISTRY_ADMIN).sign()
                            : endpoint.audits()
                            ? TestTokens.token().scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE, Scopes.TENANTS_PURGE,
                                    Scopes.REGISTRY_ADMIN).sign()
                            : TestTokens.token().scopes(Scopes.AUDIT_READ).sign());
                    expect(wrong, endpoint, "a token without the scope", send(endpoint, tenant, withoutTheScope),
                            403);
                }
                if (!ANY_SCOPE.contains(endpoint.path()) && !endpoint.path().equals(SETTINGS)) {
                    String clientAdmin = bearer(TestTokens.token().tenant(UUID.randomUUID().toString()).sign());
                    expect(wrong, endpoint, "a client admin's token (every scope, bound to another tenant)",
                            send(endpoint, tenant, clientAdmin), 403);
                }
                if (endpoint.path().startsWith("/actuator/") || endpoint.path().startsWith(OPERATORS)
                        || endpoint.path().equals(EVENTS) || endpoint.path().startsWith("/api/audit/")
                        || endpoint.path().endsWith("/history/verify") || endpoint.path().startsWith(EVENT_KEYS)) {
                    String mspAdmin = bearer(TestTokens.token().partner(PARTNER).sign());
                    expect(wrong, endpoint, "an MSP admin's token (every scope, bound to a partner)",
                            send(endpoint, tenant, mspAdmin), 403);
                }
                if (endpoint.namesATenant()) {
                    String otherPartner = bearer(TestTokens.token().partner("another-partner").sign());
                    Api.Answer onTheirs = send(endpoint, tenant, otherPartner);
                    Api.Answer onNone = send(endpoint, UUID.randomUUID().toString(), otherPartner);
                    if (onTheirs.status() != onNone.status() || onTheirs.status() < 400
                            || !problemType(onTheirs).equals(problemType(onNone))) {
                        wrong.add(endpoint + " by another partner: " + onTheirs.status() + " " + onTheirs.text()
                                + ", for an unknown id: " + onNone.status() + " " + onNone.text());
                    }
                }
            }
            String withoutPurge = bearer(TestTokens.token().scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE).sign());
            expect(wrong, new Endpoint("DELETE", "/api/tenants/{id}?purge=true"), "a token without tenants:purge",
                    send(new Endpoint("DELETE", "/api/tenants/{id}?purge=true"), tenant, withoutPurge), 403);

            assertThat(wrong).as("answers other than expected").isEmpty();
            assertThat(storedEvents()).as("events stored by refused requests").isEqualTo(eventsBefore);
            // A write that is let through is published; the refused ones before it left nothing on the topic.
            String witness = admin.create("{\"name\": \"Matrix Witness\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(witness).size() == 1);
            assertThat(topic.poll()).hasSize(publishedBefore + 1);
        }
        assertThat(eventsOfTenant(tenant)).isEqualTo(1);
    }

    @Test
    void theMatrixCoversTheWritesOfEveryFeature() {
        List<Endpoint> endpoints = endpoints(new Api(port));

        assertThat(endpoints).extracting(Endpoint::toString).contains("POST /api/tenants", "PUT /api/tenants/{id}",
                "PATCH /api/tenants/{id}", "DELETE /api/tenants/{id}", "PUT /api/tenants/{id}/suspend",
                "POST /api/tenants/{id}/domains", "PUT /api/tenants/{id}/domains/{did}/verify",
                "POST /api/v1/admin/tenants", "GET /api/tenants/{id}", "GET /api/tenants/{id}/history",
                "GET /api/events", "GET /actuator/prometheus", "GET /api/tenants/{id}/history/verify",
                "GET /api/audit/checkpoints", "POST /api/admin/republish", "GET /api/admin/republish",
                "GET /api/event-keys/{id}", "GET /api/event-keys");
    }

    /** The tokens no endpoint may accept, whatever it needs. */
    private static List<BadCaller> untrusted() {
        Instant now = Instant.now();
        return List.of(
                new BadCaller("no token", null, 401),
                new BadCaller("an expired token", bearer(TestTokens.token()
                        .issuedAt(now.minus(Duration.ofHours(2)), Duration.ofHours(1)).sign()), 401),
                new BadCaller("a token not valid yet", bearer(TestTokens.token()
                        .issuedAt(now.plus(Duration.ofHours(1)), Duration.ofHours(1)).sign()), 401),
                new BadCaller("a token signed by an unknown key", bearer(TestTokens.token().signWithUnknownKey()), 401),
                new BadCaller("an unsigned token (alg: none)", bearer(TestTokens.token().unsigned()), 401),
                new BadCaller("an HS256 token keyed with the public key",
                        bearer(TestTokens.token().signWithThePublicKeyAsHmacSecret()), 401),
                new BadCaller("a token of another issuer",
                        bearer(TestTokens.token().issuer("https://other-issuer.test").sign()), 401),
                new BadCaller("a token for another audience",
                        bearer(TestTokens.token().audience("another-api").sign()), 401),
                new BadCaller("a token that is no JWT", "Bearer not.a.jwt", 401));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private Api.Answer send(Endpoint endpoint, String tenant, String authorization) {
        List<String> headers = new ArrayList<>(List.of("If-Match", "\"1\""));
        if (authorization != null) {
            headers.addAll(List.of("Authorization", authorization));
        }
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(endpoint.method());
        return Api.anonymous(port).send(endpoint.method(), endpoint.on(tenant), withBody ? BODY : null,
                headers.toArray(String[]::new));
    }

    /** The status, as problem details; on seed 004's paths as FastAPI's {@code {"detail": ...}}, as its clients read it. */
    private static void expect(List<String> wrong, Endpoint endpoint, String caller, Api.Answer answer, int status) {
        String mediaType = (endpoint.path() + "/").startsWith(FastApiErrorsFilter.PREFIX) ? "application/json"
                : "application/problem+json";
        if (answer.status() != status || !String.valueOf(answer.header("Content-Type")).startsWith(mediaType)) {
            wrong.add(endpoint + " with " + caller + ": " + answer.status() + " " + answer.text());
        }
    }

    private static String problemType(Api.Answer answer) {
        try {
            return answer.json().path("type").asString();
        } catch (RuntimeException notJson) {
            return answer.text();
        }
    }

    /** Every operation of the OpenAPI document but the public ones, and the actuator's endpoints. */
    private static List<Endpoint> endpoints(Api api) {
        JsonNode paths = api.send("GET", "/v3/api-docs", (String) null).json().get("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (PUBLIC.contains(path)) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                if (Set.of("get", "put", "post", "patch", "delete").contains(method)) {
                    endpoints.add(new Endpoint(method.toUpperCase(), path));
                }
            }
        }
        endpoints.addAll(ACTUATOR);
        return endpoints;
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private long eventsOfTenant(String tenant) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(tenant)
                .query(Long.class).single();
    }
}
