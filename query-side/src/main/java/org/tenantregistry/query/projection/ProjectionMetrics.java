package org.tenantregistry.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What a projection did with each event; gaps and parked events are the ones to alert on. */
@Component
public class ProjectionMetrics {

    private final MeterRegistry registry;

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(String projection) {
        counter("tenant.registry.query.projection.applied", projection, "Events applied to the read model").increment();
    }

    void redelivered(String projection) {
        counter("tenant.registry.query.projection.redelivered", projection,
                "Events already applied before, skipped").increment();
    }

    void unknownType(String projection) {
        counter("tenant.registry.query.projection.unknown.types", projection,
                "Events of a type this version does not know, counted in the version and otherwise skipped").increment();
    }

    void sequenceGap(String projection) {
        counter("tenant.registry.query.projection.sequence.gaps", projection,
                "Events refused because an earlier event of the tenant was missing").increment();
    }

    void parked(String projection) {
        counter("tenant.registry.query.projection.parked", projection,
                "Events parked after gap retries ran out, waiting for the missing event").increment();
    }

    public double sequenceGaps(String projection) {
        return counter("tenant.registry.query.projection.sequence.gaps", projection, null).count();
    }

    public double redeliveries(String projection) {
        return counter("tenant.registry.query.projection.redelivered", projection, null).count();
    }

    public double parkedCount(String projection) {
        return counter("tenant.registry.query.projection.parked", projection, null).count();
    }

    private Counter counter(String name, String projection, String description) {
        return Counter.builder(name).description(description).tag("projection", projection).register(registry);
    }
}
