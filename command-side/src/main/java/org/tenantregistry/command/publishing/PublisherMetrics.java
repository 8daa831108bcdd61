package org.tenantregistry.command.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What the publisher did, for dashboards and alerts: a rising failure or gap count needs a look. */
@Component
class PublisherMetrics {

    private final Counter published;
    private final Counter failures;
    private final Counter alreadyPublished;
    private final Counter gaps;
    private final Counter republished;

    PublisherMetrics(MeterRegistry registry) {
        published = Counter.builder("tenant.events.published")
                .description("tenant events acknowledged by Kafka").register(registry);
        failures = Counter.builder("tenant.events.publish.failures")
                .description("attempts to publish a tenant event that failed and will be retried").register(registry);
        alreadyPublished = Counter.builder("tenant.events.already.published")
                .description("tenant events not sent again because Kafka already has them").register(registry);
        gaps = Counter.builder("tenant.events.gaps")
                .description("times a tenant's published sequence had a hole, found by the publisher or the repair check")
                .register(registry);
        republished = Counter.builder("tenant.events.republished")
                .description("tenant events read back from the event store to fill a hole").register(registry);
    }

    void published(int events) {
        published.increment(events);
    }

    void failed() {
        failures.increment();
    }

    void alreadyPublished() {
        alreadyPublished.increment();
    }

    void gap() {
        gaps.increment();
    }

    void republished() {
        republished.increment();
    }
}
