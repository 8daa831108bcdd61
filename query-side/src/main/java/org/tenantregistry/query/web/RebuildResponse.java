package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.projection.RebuildStatus;

import java.time.Instant;

/** A rebuild's progress on the wire. */
@Schema(name = "ProjectionRebuild")
record RebuildResponse(
        String projection,
        @Schema(allowableValues = {"running", "done", "failed"}) String state,
        @Schema(allowableValues = {"preparing", "replaying", "catching-up", "swapping", "ended"},
                description = "replaying: the topic from its beginning up to its end when the rebuild started; "
                        + "catching-up: what arrived since; swapping: under the projection's lock, the last events "
                        + "and the copy into the live tables, in one transaction")
        String phase,
        @JsonProperty("started_at") Instant startedAt,
        @Schema(nullable = true) @JsonProperty("finished_at") Instant finishedAt,
        @Schema(description = "Records of the topic read, up to its end when the rebuild started (counted in "
                + "offsets: a transaction marker takes one too)")
        @JsonProperty("events_done") long eventsDone,
        @Schema(description = "The records from the beginning of each partition to its end when the rebuild started")
        @JsonProperty("events_total") long eventsTotal,
        @Schema(description = "Events handed to the projection, those that arrived during the rebuild included")
        @JsonProperty("events_applied") long eventsApplied,
        @Schema(description = "Records done per second since the start") @JsonProperty("rate_per_second")
        double ratePerSecond,
        @Schema(nullable = true, description = "Seconds left to read up to events_total at that rate; null once "
                + "ended or before a rate is known") @JsonProperty("eta_seconds") Long etaSeconds,
        @Schema(nullable = true, description = "Why it failed; the live model is then as it was") String error) {

    static RebuildResponse of(RebuildStatus status) {
        return new RebuildResponse(status.projection(), status.state().wireName(), status.phase().wireName(),
                status.startedAt(), status.finishedAt(), status.eventsDone(), status.eventsTotal(),
                status.eventsApplied(), status.ratePerSecond(), status.etaSeconds(), status.error());
    }
}
