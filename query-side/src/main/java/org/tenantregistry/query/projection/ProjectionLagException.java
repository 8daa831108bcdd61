package org.tenantregistry.query.projection;

import java.time.Duration;
import java.util.List;

/** A projection did not reach the asked versions within the wait bound. */
public class ProjectionLagException extends RuntimeException {

    private final transient List<VersionToken> pending;

    public ProjectionLagException(String projection, List<VersionToken> pending, Duration waited) {
        super("projection " + projection + " has not yet applied " + pending.stream()
                .map(token -> token.tenantId() + ":" + token.version()).toList() + " after " + waited.toMillis() + " ms");
        this.pending = List.copyOf(pending);
    }

    public List<VersionToken> pending() {
        return pending;
    }
}
