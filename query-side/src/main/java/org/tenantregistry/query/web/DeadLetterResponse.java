package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.projection.DeadLetter;

import java.time.Instant;
import java.util.UUID;

/** A dead letter on the wire. */
@Schema(name = "DeadLetter")
record DeadLetterResponse(
        long id,
        String projection,
        @JsonProperty("tenant_id") UUID tenantId,
        long sequence,
        @JsonProperty("event_type") String eventType,
        @Schema(allowableValues = {"unknown-type", "malformed", "data-error"}) String reason,
        @JsonProperty("error_class") String errorClass,
        @JsonProperty("error_message") String errorMessage,
        @Schema(description = "Failed tries: the listener's before it gave up, plus one per failed replay") int attempts,
        @JsonProperty("first_failed_at") Instant firstFailedAt,
        @JsonProperty("last_failed_at") Instant lastFailedAt,
        @Schema(allowableValues = {"open", "skipped"}) String status,
        @Schema(nullable = true) @JsonProperty("skipped_at") Instant skippedAt,
        @Schema(nullable = true) @JsonProperty("skipped_by") String skippedBy,
        @Schema(nullable = true) @JsonProperty("skip_reason") String skipReason,
        @Schema(description = "The event as it came from the topic", type = "object") Object envelope) {

    static DeadLetterResponse of(DeadLetter letter) {
        DeadLetter.Skip skip = letter.skip();
        return new DeadLetterResponse(letter.id(), letter.projection(), letter.tenantId(), letter.sequence(),
                letter.eventType(), letter.reason(), letter.errorClass(), letter.errorMessage(), letter.attempts(),
                letter.firstFailedAt(), letter.lastFailedAt(), letter.open() ? "open" : "skipped",
                skip == null ? null : skip.at(), skip == null ? null : skip.by(), skip == null ? null : skip.reason(),
                letter.envelope());
    }
}
