package org.tenantregistry.command.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.tenantregistry.support.ratelimit.RateLimitBuckets;
import org.tenantregistry.support.ratelimit.RateLimitFilter;
import org.tenantregistry.support.ratelimit.RateLimitProperties;
import org.tenantregistry.support.security.TestTokens;
import org.tenantregistry.support.web.RawHttp;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's "60 requests per minute", on a group only this test calls (config/application.yml). Each test's requests
 * come through the gateway (127.0.0.2) with a token of a caller of their own, so that each starts with a full bucket.
 */
class RateLimitIT extends WebIntegrationTest {

    private static final Instant NINE_O_CLOCK = Instant.parse("2026-12-03T09:00:00Z");
    private static final InetAddress GATEWAY = gateway();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    MovableClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("handlerExceptionResolver")
    HandlerExceptionResolver resolver;

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    @Test
    void sixtyRequestsInAMinuteAreAnsweredAndTheSixtyFirstIsRefusedUntilTheMinuteIsOver() {
        clock.stopAt(NINE_O_CLOCK);
        String client = caller();
        for (int i = 1; i <= 60; i++) {
            RawHttp.Answer answer = limitedRequestFrom(client);
            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"rate-limit-test\";q=60;w=60");
            assertThat(answer.header("RateLimit")).isEqualTo("\"rate-limit-test\";r=" + (60 - i) + ";t=60");
        }
        clock.stopAt(NINE_O_CLOCK.plusSeconds(40));

        RawHttp.Answer refused = limitedRequestFrom(client);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("20");
        assertThat(refused.header("RateLimit")).isEqualTo("\"rate-limit-test\";r=0;t=20");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:tenant-registry:problem:rate-limited");
        assertThat(refused.json().get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("More than 60 requests a minute to the rate-limit-test endpoints; retry in 20 seconds.");
        assertThat(refused.json().get("retry_after").asInt()).isEqualTo(20);

        clock.stopAt(NINE_O_CLOCK.plusSeconds(60));
        assertThat(limitedRequestFrom(client).status()).isEqualTo(204);
    }

    @Test
    void anotherClientIsNotHeldBackByOneOverItsLimit() {
        clock.stopAt(NINE_O_CLOCK);
        String busy = caller();
        for (int i = 0; i < 60; i++) {
            limitedRequestFrom(busy);
        }

        assertThat(limitedRequestFrom(busy).status()).isEqualTo(429);
        assertThat(limitedRequestFrom(caller()).status()).isEqualTo(204);
    }

    @Test
    void requestsWithoutATokenAreLimitedByTheClientsAddress() {
        clock.stopAt(NINE_O_CLOCK);
        String address = clientAddress();
        RawHttp gateway = new RawHttp(port, GATEWAY);
        for (int i = 1; i <= 60; i++) {
            RawHttp.Answer answer = gateway.send("GET", RateLimitedEndpoint.PATH, "Authorization: ",
                    "X-Forwarded-For: " + address);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("RateLimit")).isEqualTo("\"rate-limit-test\";r=" + (60 - i) + ";t=60");
        }

        RawHttp.Answer refused = gateway.send("GET", RateLimitedEndpoint.PATH, "Authorization: ",
                "X-Forwarded-For: " + address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void instancesSharingTheDatabaseShareEachCallersBuckets() throws Exception {
        clock.stopAt(NINE_O_CLOCK);
        RateLimitFilter instanceOne = instanceOnThisDatabase();
        RateLimitFilter instanceTwo = instanceOnThisDatabase();
        String client = clientAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(send(instanceOne, client).getStatus()).isEqualTo(200);
            assertThat(send(instanceTwo, client).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send(instanceOne, client);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("urn:tenant-registry:problem:rate-limited");
        assertThat(send(instanceTwo, client).getStatus()).isEqualTo(429);
    }

    @Test
    void aBucketsRowSaysWhenItIsFullAgainSoThatItCanBeRemoved() throws Exception {
        String client = clientAddress();
        long before = System.currentTimeMillis();

        send(instanceOnThisDatabase(), client);

        long expiresAt = jdbc.sql("SELECT expires_at FROM rate_limit_bucket WHERE id = ?")
                .param("writes address " + client).query(Long.class).single();
        assertThat(expiresAt).isBetween(before, System.currentTimeMillis() + 60_000);
    }

    /** Another instance of this side: its own filter and Bucket4j proxy manager, on the same database. */
    private RateLimitFilter instanceOnThisDatabase() {
        RateLimitProperties properties = new RateLimitProperties(true, RateLimitProperties.Store.POSTGRESQL,
                Map.of("writes", new RateLimitProperties.Group(60, List.of("/**"), List.of("POST"))));
        return new RateLimitFilter(properties, RateLimitBuckets.of(properties.store(), dataSource, clock), resolver);
    }

    private static MockHttpServletResponse send(RateLimitFilter instance, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tenants");
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
