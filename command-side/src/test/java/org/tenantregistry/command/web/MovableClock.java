package org.tenantregistry.command.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock until a test stops it at an instant of its choosing, so that periods measured in days (quarantine,
 * idempotency key retention) can pass without waiting. The web ITs share one context: a test that stops the clock
 * must {@link #resume()} it afterwards.
 */
final class MovableClock extends Clock {

    private volatile Instant stoppedAt;

    void stopAt(Instant instant) {
        stoppedAt = instant;
    }

    void resume() {
        stoppedAt = null;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the registry keeps time in UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        // Primary: whether ClockConfiguration's conditional bean backs off depends on the order the contexts are read.
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
