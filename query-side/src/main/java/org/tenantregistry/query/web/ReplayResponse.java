package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.projection.ReplayOutcome;

import java.util.UUID;

/** What a replay or a skip did. */
@Schema(name = "DeadLetterReplay")
record ReplayResponse(
        @JsonProperty("dead_letter_id") long deadLetterId,
        String projection,
        @JsonProperty("tenant_id") UUID tenantId,
        long sequence,
        @Schema(description = "Events applied: the dead letter (unless skipped) and the tenant's events behind it")
        int applied,
        @Schema(description = "The tenant's version in the projection afterwards") long version,
        @Schema(nullable = true, description = "An event behind it that could not be applied either and is now the "
                + "dead letter the tenant waits behind")
        @JsonProperty("next_dead_letter_id") Long nextDeadLetterId) {

    static ReplayResponse of(ReplayOutcome outcome) {
        return new ReplayResponse(outcome.deadLetterId(), outcome.projection(), outcome.tenantId(), outcome.sequence(),
                outcome.applied(), outcome.version(), outcome.nextDeadLetterId());
    }
}
