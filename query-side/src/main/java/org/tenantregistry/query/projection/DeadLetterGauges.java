package org.tenantregistry.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.List;

/** How many dead letters hold tenants back right now, per projection: the number to alert on (above 0). */
@Component
class DeadLetterGauges implements MeterBinder {

    private final DeadLetters deadLetters;
    private final List<Projection> projections;

    DeadLetterGauges(DeadLetters deadLetters, List<Projection> projections) {
        this.deadLetters = deadLetters;
        this.projections = projections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Projection projection : projections) {
            String name = projection.name();
            Gauge.builder("tenant.registry.query.projection.dead.letters", () -> deadLetters.countOpen(name))
                    .description("Open dead letters: events the projection could not apply, their tenants waiting")
                    .tag("projection", name)
                    .register(registry);
        }
    }
}
