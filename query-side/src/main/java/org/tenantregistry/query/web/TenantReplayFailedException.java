package org.tenantregistry.query.web;

import org.tenantregistry.query.projection.DeadLetter;
import org.tenantregistry.query.projection.ReplayOutcome;

import java.util.List;

/** Replaying a tenant's dead letters: some applied, some failed again. */
class TenantReplayFailedException extends RuntimeException {

    private final transient List<ReplayOutcome> replayed;
    private final transient List<DeadLetter> failed;

    TenantReplayFailedException(List<ReplayOutcome> replayed, List<DeadLetter> failed) {
        super(failed.size() + " dead letters failed again");
        this.replayed = List.copyOf(replayed);
        this.failed = List.copyOf(failed);
    }

    List<ReplayOutcome> replayed() {
        return replayed;
    }

    List<DeadLetter> failed() {
        return failed;
    }
}
