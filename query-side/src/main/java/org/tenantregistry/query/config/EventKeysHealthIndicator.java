package org.tenantregistry.query.config;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import org.tenantregistry.query.erasure.EventKeys;

/**
 * The command side's key endpoint in the health endpoint (component {@code eventKeys}): {@code DEGRADED} while the
 * last attempt to get a tenant's key failed. Events with sealed fields then wait, retried, and the read models lag
 * behind for their tenants (and the tenants behind them on a partition); the reads still served are right, so, as
 * for dead letters, it is no 503 and in neither the liveness nor the readiness group.
 */
@Component
class EventKeysHealthIndicator extends AbstractHealthIndicator {

    private static final Status DEGRADED = new Status(DeadLettersHealthIndicator.DEGRADED.getCode(),
            "Events with sealed fields wait for their tenants' keys");

    private final EventKeys keys;

    EventKeysHealthIndicator(EventKeys keys) {
        super("Event keys check failed");
        this.keys = keys;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        keys.failure().ifPresentOrElse(failure -> builder.status(DEGRADED).withDetail("failure", failure),
                () -> builder.status(Status.UP));
    }
}
