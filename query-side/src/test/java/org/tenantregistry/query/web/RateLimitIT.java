package org.tenantregistry.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.RateLimitedEndpoint;
import org.tenantregistry.support.ratelimit.RateLimitBuckets;
import org.tenantregistry.support.ratelimit.RateLimitFilter;
import org.tenantregistry.support.ratelimit.RateLimitProperties;
import org.tenantregistry.support.security.TestTokens;
import org.tenantregistry.support.web.RawHttp;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's "60 requests per minute", on a group only this test calls (config/application.yml). Each test's requests
 * come through the gateway (127.0.0.2) with a token of a caller of their own, so that each starts with a full bucket; the 61
 * requests take far less than the minute the bucket is drawn on for.
 */
class RateLimitIT extends DatabaseIntegrationTest {

    private static final InetAddress GATEWAY = gateway();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("handlerExceptionResolver")
    HandlerExceptionResolver resolver;

    @Test
    void sixtyRequestsInAMinuteAreAnsweredWithTheirLimitAndTheSixtyFirstIsRefusedWithRetryAfter() {
        String client = caller();
        for (int i = 1; i <= 60; i++) {
            RawHttp.Answer answer = limitedRequestFrom(client);
            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"rate-limit-test\";q=60;w=60");
            assertThat(answer.header("RateLimit")).startsWith("\"rate-limit-test\";r=" + (60 - i) + ";t=");
        }

        RawHttp.Answer refused = limitedRequestFrom(client);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("RateLimit")).startsWith("\"rate-limit-test\";r=0;t=");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:tenant-registry:problem:rate-limited");
        assertThat(refused.json().get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(refused.json().get("detail").asString())
                .startsWith("More than 60 requests a minute to the rate-limit-test endpoints; retry in ");
        assertThat(refused.json().get("message").asString()).isEqualTo(refused.json().get("detail").asString());
        assertThat(limitedRequestFrom(caller()).status()).isEqualTo(204);
    }

    @Test
    void healthProbesAreNotCounted() {
        RawHttp.Answer probe = new RawHttp(port).send("GET", "/actuator/health/liveness");

        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.header("RateLimit")).isNull();
    }

    @Test
    void theConsolesAssetsAreNotCounted() {
        for (String asset : new String[]{"/console/assets/console.css", "/webjars/htmx.org/dist/htmx.min.js"}) {
            RawHttp.Answer answer = new RawHttp(port).send("GET", asset);

            assertThat(answer.status()).as(asset).isEqualTo(200);
            assertThat(answer.header("RateLimit")).as(asset).isNull();
        }
    }

    @Test
    void instancesSharingTheDatabaseShareEachCallersBuckets() throws Exception {
        RateLimitFilter instanceOne = instanceOnThisDatabase();
        RateLimitFilter instanceTwo = instanceOnThisDatabase();
        String client = clientAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(send(instanceOne, client).getStatus()).isEqualTo(200);
            assertThat(send(instanceTwo, client).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send(instanceTwo, client);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("urn:tenant-registry:problem:rate-limited");
        assertThat(send(instanceOne, client).getStatus()).isEqualTo(429);
    }

    /** Another instance of this side: its own filter and Bucket4j proxy manager, on the same database. */
    private RateLimitFilter instanceOnThisDatabase() {
        RateLimitProperties properties = new RateLimitProperties(true, RateLimitProperties.Store.POSTGRESQL,
                Map.of("reads", new RateLimitProperties.Group(60, List.of("/**"), List.of("GET"))));
        return new RateLimitFilter(properties, RateLimitBuckets.of(properties.store(), dataSource, clock), resolver);
    }

    private static MockHttpServletResponse send(RateLimitFilter instance, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tenants");
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        instance.doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** @param caller a caller's token, as {@link #caller()} made it */
    private RawHttp.Answer limitedRequestFrom(String caller) {
        return new RawHttp(port, GATEWAY).send("GET", RateLimitedEndpoint.PATH, "Authorization: Bearer " + caller,
                "X-Forwarded-For: " + clientAddress());
    }

    /** The token of a caller that sent nothing yet: limits are per caller, whichever address it sends from. */
    private static String caller() {
        return TestTokens.token().subject("caller-" + CLIENTS.incrementAndGet()).sign();
    }

    private static InetAddress gateway() {
        try {
            return InetAddress.getByName("127.0.0.2");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address of the documentation range (RFC 5737) that no other request came from. */
    private static String clientAddress() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }
}
