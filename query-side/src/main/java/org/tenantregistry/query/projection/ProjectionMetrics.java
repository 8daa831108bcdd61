package org.tenantregistry.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
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
        applied(projection, 1);
    }

    void applied(String projection, int events) {
        counter("tenant.registry.query.projection.applied", projection, "Events applied to the read model")
                .increment(events);
    }

    /** How many records the listener got at once: big while it catches up, one or a few when it keeps up. */
    void batch(String projection, int records) {
        DistributionSummary.builder("tenant.registry.query.projection.batch.size")
                .description("Records a projection's listener received in one poll")
                .tag("projection", projection)
                .register(registry)
                .record(records);
    }

    void redelivered(String projection) {
        counter("tenant.registry.query.projection.redelivered", projection,
                "Events already applied before, skipped").increment();
    }

    void sequenceGap(String projection) {
        counter("tenant.registry.query.projection.sequence.gaps", projection,
                "Events refused because an earlier event of the tenant was missing").increment();
    }

    void parked(String projection) {
        counter("tenant.registry.query.projection.parked", projection,
                "Events parked behind a missing event or a dead letter of their tenant").increment();
    }

    void deadLettered(String projection, String reason) {
        Counter.builder("tenant.registry.query.projection.dead.lettered")
                .description("Events set aside as dead letters because the projection cannot apply them")
                .tag("projection", projection)
                .tag("reason", reason)
                .register(registry)
                .increment();
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
