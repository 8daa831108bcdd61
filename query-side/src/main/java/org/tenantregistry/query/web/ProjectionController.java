package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.tenantregistry.query.projection.ProjectionOverview;
import org.tenantregistry.query.projection.ProjectionRebuilds;
import org.tenantregistry.query.projection.RebuildNotFoundException;
import org.tenantregistry.query.projection.RebuildStatus;
import org.tenantregistry.support.security.Caller;

import java.net.URI;

/**
 * Operators' view of the read models, and their rebuilds. Under {@code /api/admin/}, which is for operators only: it
 * needs the {@code registry:admin} scope on a token bound to no partner or tenant (see SecurityConfig).
 */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projections", description = "Operators: the read models' positions, lag, parked and dead-lettered events; "
        + "rebuilds")
class ProjectionController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);

    private final ProjectionOverview overview;
    private final ProjectionRebuilds rebuilds;

    ProjectionController(ProjectionOverview overview, ProjectionRebuilds rebuilds) {
        this.overview = overview;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Every projection's state", description = """
            From the database: the tenants each projection tracks, its parked events and its dead letters. From the \
            broker (asked with a timeout of a few seconds): each partition's committed offset of the projection's \
            consumer group against the partition's end, and the lag. A broker that does not answer leaves the \
            partitions and the lag null and says why under kafka; the rest is answered all the same.""")
    @ApiResponse(responseCode = "200", description = "The projections, by name")
    ProjectionsResponse list() {
        return ProjectionsResponse.of(overview.overview());
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection", description = """
            Reads the whole topic again into fresh tables while the current ones keep serving, then swaps the \
            rebuilt rows in, in one transaction: readers see the old model until it commits and the rebuilt one \
            after, never a half-built one. One rebuild at a time; its progress is at the Location answered.""")
    @ApiResponse(responseCode = "202", description = "Started; the progress so far")
    @ApiResponse(responseCode = "404", description = "No projection of that name")
    @ApiResponse(responseCode = "409", description = "A rebuild runs already (of this projection or another)")
    ResponseEntity<RebuildResponse> rebuild(
            @Parameter(description = "tenants, msp-statistics, resources or domains") @PathVariable String name,
            @AuthenticationPrincipal Caller caller) {
        RebuildStatus started = rebuilds.start(name);
        log.info("Rebuild of projection {} started by {}", name, caller == null ? "unknown" : caller.subject());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/admin/projections/" + started.projection() + "/rebuild"))
                .body(RebuildResponse.of(started));
    }

    @GetMapping("/{name}/rebuild")
    @Operation(summary = "A projection's rebuild", description = """
            The running rebuild, or the last one since this instance started: events done of total, rate, \
            estimated time left, and how it ended.""")
    @ApiResponse(responseCode = "200", description = "The rebuild's progress")
    @ApiResponse(responseCode = "404", description = "No projection of that name, or no rebuild of it yet")
    RebuildResponse rebuildStatus(
            @Parameter(description = "tenants, msp-statistics, resources or domains") @PathVariable String name) {
        rebuilds.projection(name);
        return rebuilds.status(name).map(RebuildResponse::of)
                .orElseThrow(() -> new RebuildNotFoundException(name));
    }
}
