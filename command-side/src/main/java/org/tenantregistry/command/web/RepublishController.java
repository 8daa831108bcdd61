package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.publishing.RepublishRequest;
import org.tenantregistry.command.publishing.RepublishStatus;
import org.tenantregistry.command.publishing.Republisher;
import org.tenantregistry.support.security.Caller;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.net.URI;
import java.time.Instant;

/**
 * Operators send stored events to the topic again: one tenant's (from a sequence on) or every tenant's from a global
 * position of the event store on. For operators only ({@code registry:admin} on a token bound to no partner or
 * tenant, see SecurityConfiguration).
 */
@RestController
@RequestMapping(path = "/api/admin/republish", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Republish", description = "Operators: send stored events to the topic again")
class RepublishController {

    private static final String EXAMPLE = """
            {"tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "from_sequence": 0}""";

    private final Republisher republisher;

    RepublishController(Republisher republisher) {
        this.republisher = republisher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send stored events to the topic again", description = """
            Either one tenant (tenant_id, from from_sequence on, 0 when left out) or every tenant from a global \
            position of the event store on (from_position, inclusive). Only events the topic already had are sent, \
            each as the very record the publisher sent (same event_id, sequence, key, headers; a tombstone after a \
            purge): consumers deduplicate by tenant_id and sequence, so the copies change no read model. Runs in \
            the background, one job at a time; its progress is at the Location answered (GET).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = RepublishBody.class),
                    examples = @ExampleObject(name = "one tenant", value = EXAMPLE))))
    @ApiResponse(responseCode = "202", description = "Started; the job's progress so far",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RepublishAnswer.class)))
    ResponseEntity<RepublishAnswer> start(@RequestBody(required = false) RepublishBody body,
                                          @AuthenticationPrincipal Caller caller) {
        RepublishBody request = body == null ? new RepublishBody(null, null, null) : body;
        RepublishStatus started = republisher.start(new RepublishRequest(request.tenantId(), request.fromSequence(),
                request.fromPosition()), caller.subject());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/admin/republish"))
                .body(RepublishAnswer.of(started));
    }

    @GetMapping
    @Operation(summary = "The running or last republish job", description = """
            Events done (acknowledged by the broker) of the total counted at the start, the rate, and how it ended; \
            the last job since this instance started.""")
    @ApiResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RepublishAnswer.class)))
    @ApiResponse(responseCode = "404", description = "No job since this instance started",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "404", value = """
                            {"type": "urn:tenant-registry:problem:republish-not-found", "title": "No republish job", \
                            "status": 404, "detail": "No republish job ran since this instance started."}""")))
    RepublishAnswer status() {
        return republisher.status().map(RepublishAnswer::of).orElseThrow(NoRepublishException::new);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "RepublishRequest")
    record RepublishBody(
            @Schema(nullable = true, description = "The one tenant; leave out for every tenant from from_position")
            String tenantId,
            @Schema(nullable = true, description = "The tenant's first sequence to send; 0 when left out")
            Long fromSequence,
            @Schema(nullable = true, description = "Every tenant's events from this global index of the event "
                    + "store on; not with tenant_id")
            Long fromPosition) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "RepublishJob")
    record RepublishAnswer(
            @Schema(allowableValues = {"running", "done", "failed"}) String state,
            @Schema(nullable = true) String tenantId,
            @Schema(nullable = true) Long fromSequence,
            @Schema(nullable = true) Long fromPosition,
            @Schema(description = "Who started it") String requestedBy,
            Instant startedAt,
            @Schema(nullable = true) Instant finishedAt,
            @Schema(description = "Events the broker acknowledged again") long done,
            @Schema(description = "Events to send, counted at the start") long total,
            @Schema(description = "Events done per second since the start") double ratePerSecond,
            @Schema(nullable = true, description = "Why it failed") String error) {

        static RepublishAnswer of(RepublishStatus status) {
            return new RepublishAnswer(status.state(), status.request().tenantId(), status.request().fromSequence(),
                    status.request().fromPosition(), status.requestedBy(), status.startedAt(), status.finishedAt(),
                    status.done(), status.total(), status.ratePerSecond(), status.error());
        }
    }
}
