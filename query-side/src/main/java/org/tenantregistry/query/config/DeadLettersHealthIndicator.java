package org.tenantregistry.query.config;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import org.tenantregistry.query.projection.DeadLetters;
import org.tenantregistry.query.projection.Projection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dead letters in the health endpoint (component {@code deadLetters}), as {@code DEGRADED} while any is open: the read models miss those events and
 * the tenants behind them, which wants an operator, yet every other tenant is served right. So the status ranks
 * between DOWN and UP for the aggregate (see {@code management.endpoint.health.status.order}), answers 200, and is in
 * neither the liveness nor the readiness group: restarting or unrouting the query side would not bring the events in
 * and would stop the reads that are right.
 */
@Component
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some events could not be applied; see /api/admin/dead-letters");

    private final DeadLetters deadLetters;
    private final List<Projection> projections;

    DeadLettersHealthIndicator(DeadLetters deadLetters, List<Projection> projections) {
        super("Dead letter check failed");
        this.deadLetters = deadLetters;
        this.projections = projections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> open = new TreeMap<>();
        projections.forEach(projection -> open.put(projection.name(), deadLetters.countOpen(projection.name())));
        boolean any = open.values().stream().anyMatch(count -> count > 0);
        builder.status(any ? DEGRADED : Status.UP).withDetail("open", open);
        if (any) {
            builder.withDetail("list", "/api/admin/dead-letters");
        }
    }
}
