package org.tenantregistry.support.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitFilterTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final List<Exception> resolved = new ArrayList<>();
    private final HandlerExceptionResolver resolver = (request, response, handler, e) -> {
        resolved.add(e);
        response.setStatus(e instanceof RateLimitExceededException ? 429 : 500);
        return new ModelAndView();
    };
    private final RateLimitFilter filter = filter(Map.of(
            "reads", new RateLimitProperties.Group(60, List.of("/api/**"), List.of("GET")),
            "counts", new RateLimitProperties.Group(3, List.of("/api/tenants/count"), List.of())));

    @Test
    void everyAnswerCarriesThePolicyAndWhatIsLeftOfIt() throws Exception {
        MockHttpServletResponse first = send(get("/api/tenants", "10.0.0.1"));

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("RateLimit-Policy")).isEqualTo("\"reads\";q=60;w=60");
        assertThat(first.getHeader("RateLimit")).isEqualTo("\"reads\";r=59;t=60");

        clock.advance(Duration.ofSeconds(20));
        assertThat(send(get("/api/tenants", "10.0.0.1")).getHeader("RateLimit")).isEqualTo("\"reads\";r=58;t=40");
    }

    @Test
    void theSixtyFirstRequestInTheMinuteIsRefusedUntilTheMinuteIsOver() throws Exception {
        for (int i = 0; i < 60; i++) {
            assertThat(send(get("/api/tenants", "10.0.0.1")).getStatus()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(45));

        MockHttpServletResponse refused = send(get("/api/tenants", "10.0.0.1"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("RateLimit")).isEqualTo("\"reads\";r=0;t=15");
        assertThat(resolved).singleElement().isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(15);
            assertThat(e.getMessage()).isEqualTo(
                    "More than 60 requests a minute to the reads endpoints; retry in 15 seconds.");
        });

        clock.advance(Duration.ofSeconds(15));
        MockHttpServletResponse again = send(get("/api/tenants", "10.0.0.1"));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("RateLimit")).isEqualTo("\"reads\";r=59;t=60");
    }

    @Test
    void eachCallerHasBucketsOfItsOwn() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(get("/api/tenants/count", "10.0.0.1"));
        }

        assertThat(send(get("/api/tenants/count", "10.0.0.1")).getStatus()).isEqualTo(429);
        assertThat(send(get("/api/tenants/count", "10.0.0.2")).getStatus()).isEqualTo(200);
    }

    @Test
    void anAuthenticatedCallerIsCountedByName() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = get("/api/tenants/count", "10.0.0." + i);
            request.setUserPrincipal(() -> "alice");
            send(request);
        }
        MockHttpServletRequest fromAnotherAddress = get("/api/tenants/count", "10.0.0.9");
        fromAnotherAddress.setUserPrincipal(() -> "alice");

        assertThat(send(fromAnotherAddress).getStatus()).isEqualTo(429);
        assertThat(send(get("/api/tenants/count", "10.0.0.9")).getStatus()).isEqualTo(200);
    }

    @Test
    void theMostSpecificPathDecidesTheGroup() throws Exception {
        assertThat(send(get("/api/tenants/count", "10.0.0.1")).getHeader("RateLimit-Policy"))
                .isEqualTo("\"counts\";q=3;w=60");
        assertThat(send(get("/api/tenants/1", "10.0.0.1")).getHeader("RateLimit-Policy"))
                .isEqualTo("\"reads\";q=60;w=60");
    }

    @Test
    void whatNoGroupMatchesCountsAgainstTheDefaultGroup() throws Exception {
        MockHttpServletRequest write = new MockHttpServletRequest("POST", "/api/tenants");
        write.setRemoteAddr("10.0.0.1");

        assertThat(send(write).getHeader("RateLimit-Policy")).isEqualTo("\"default\";q=60;w=60");
    }

    @Test
    void healthProbesAreNeverLimited() throws Exception {
        RateLimitFilter strict = filter(Map.of("default", new RateLimitProperties.Group(1, List.of(), List.of())));
        send(strict, get("/api/tenants", "10.0.0.1"));

        MockHttpServletResponse probe = send(strict, get("/actuator/health/readiness", "10.0.0.1"));

        assertThat(probe.getStatus()).isEqualTo(200);
        assertThat(probe.getHeader("RateLimit")).isNull();
    }

    @Test
    void aFailingStoreIsLeftToTheSidesResolvers() throws Exception {
        IllegalStateException failure = new IllegalStateException("database away");
        RateLimitFilter failing = new RateLimitFilter(new RateLimitProperties(true, RateLimitProperties.Store.LOCAL,
                Map.of()), (key, bandwidth) -> {
            throw failure;
        }, resolver);

        assertThat(send(failing, get("/api/tenants", "10.0.0.1")).getStatus()).isEqualTo(500);
        assertThat(resolved).containsExactly(failure);
    }

    @Test
    void theDefaultGroupHasNoPathsAndEveryOtherGroupHasSome() {
        assertThatThrownBy(() -> new RateLimitProperties(true, RateLimitProperties.Store.LOCAL,
                Map.of("default", new RateLimitProperties.Group(60, List.of("/api/**"), List.of()))))
                .hasMessageContaining("no paths");
        assertThatThrownBy(() -> new RateLimitProperties(true, RateLimitProperties.Store.LOCAL,
                Map.of("reads", new RateLimitProperties.Group(60, List.of(), List.of()))))
                .hasMessageContaining("paths are required");
    }

    private RateLimitFilter filter(Map<String, RateLimitProperties.Group> groups) {
        RateLimitProperties properties = new RateLimitProperties(true, RateLimitProperties.Store.LOCAL, groups);
        return new RateLimitFilter(properties, RateLimitBuckets.of(properties.store(), null, clock), resolver);
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        return send(filter, request);
    }

    private static MockHttpServletResponse send(RateLimitFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest get(String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        return request;
    }

    /** Time that passes only when the test says so. */
    static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
