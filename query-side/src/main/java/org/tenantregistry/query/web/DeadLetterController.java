package org.tenantregistry.query.web;

import org.tenantregistry.support.web.InvalidParametersException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.query.projection.DeadLetter;
import org.tenantregistry.query.projection.DeadLetterNotFoundException;
import org.tenantregistry.query.projection.DeadLetterPage;
import org.tenantregistry.query.projection.DeadLetterReplay;
import org.tenantregistry.query.projection.DeadLetterReplayFailedException;
import org.tenantregistry.query.projection.DeadLetters;
import org.tenantregistry.query.projection.FindDeadLetters;
import org.tenantregistry.query.projection.ReplayOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operators' view of the events the projections could not apply, and what they do about them. Under
 * {@code /api/admin/}, which is for operators only: it needs the {@code registry:admin} scope (see SecurityConfig).
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters", description = "Operators: events a projection could not apply, replay and skip")
class DeadLetterController {

    private static final List<String> STATUSES = List.of("open", "skipped");
    private static final int MAX_REASON_LENGTH = 1000;

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final PageLinks pageLinks;

    DeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay, PageLinks pageLinks) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.pageLinks = pageLinks;
    }

    @GetMapping
    @Operation(summary = "List dead letters", description = """
            Oldest first. Open ones hold their tenant back in their projection: the tenant's later events wait \
            behind them. Skipped ones are kept with who skipped them and why.""")
    @ApiResponse(responseCode = "200", description = "A page of dead letters")
    @ApiResponse(responseCode = "422", description = "A parameter is out of bounds, e.g. per_page=101 or status=gone")
    DeadLetterPageResponse list(
            @Parameter(description = "tenants or msp-statistics") @RequestParam(required = false) String projection,
            @Parameter(description = "Only this tenant's") @RequestParam(name = "tenant_id", required = false)
            String tenantId,
            @Parameter(description = "open (default) or skipped") @RequestParam(required = false) String status,
            @Parameter(description = "1-based, default 1") @RequestParam(required = false) String page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(name = "per_page", required = false)
            String perPage) {
        QueryParameters parameters = new QueryParameters();
        String projectionName = parameters.oneOf("projection", projection, replay.projectionNames(), null);
        UUID tenant = parameters.uuid("tenant_id", tenantId);
        boolean skipped = parameters.oneOf("status", status, STATUSES, "open").equals("skipped");
        int pageNumber = parameters.page(page);
        int size = parameters.perPage(perPage);
        parameters.verify();

        FindDeadLetters query = new FindDeadLetters(projectionName, tenant, skipped, pageNumber, size);
        DeadLetterPage found = deadLetters.find(query);
        PageLinks.Pages pages = pageLinks.pages(pageNumber, size);
        return new DeadLetterPageResponse(found.deadLetters().stream().map(DeadLetterResponse::of).toList(),
                pages.links(found.total()), pages.meta(query.offset(), found.deadLetters().size(), found.total()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter")
    @ApiResponse(responseCode = "404", description = "No such dead letter")
    DeadLetterResponse one(@PathVariable long id) {
        return deadLetters.find(id).map(DeadLetterResponse::of)
                .orElseThrow(() -> new DeadLetterNotFoundException("no dead letter " + id));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Replay a dead letter", description = """
            Applies the stored event, then the tenant's events that wait behind it, in order; for after a deploy \
            that knows the event's type or fixed the projection. Should a waiting event fail, it becomes the dead \
            letter the tenant waits behind (next_dead_letter_id).""")
    @ApiResponse(responseCode = "200", description = "Applied")
    @ApiResponse(responseCode = "404", description = "No such dead letter")
    @ApiResponse(responseCode = "409", description = "It failed again (it stays, one attempt more), or was skipped")
    @ApiResponse(responseCode = "503",
            description = "The event holds sealed fields and the command side gives no key now; see Retry-After")
    ReplayResponse replay(@PathVariable long id) {
        return ReplayResponse.of(replay.replay(id));
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay a tenant's dead letters", description = """
            Every open dead letter of the tenant (at most one per projection), or only the given projection's.""")
    @ApiResponse(responseCode = "200", description = "All applied")
    @ApiResponse(responseCode = "404", description = "The tenant has no open dead letter")
    @ApiResponse(responseCode = "409", description = "Some failed again; the problem lists what applied and what not")
    @ApiResponse(responseCode = "422", description = "tenant_id is missing, or projection names none")
    @ApiResponse(responseCode = "503",
            description = "The event holds sealed fields and the command side gives no key now; see Retry-After")
    TenantReplayResponse replayTenant(
            @Parameter(description = "The tenant whose dead letters to replay", required = true)
            @RequestParam(name = "tenant_id", required = false) String tenantId,
            @Parameter(description = "tenants or msp-statistics; all when left out")
            @RequestParam(required = false) String projection) {
        QueryParameters parameters = new QueryParameters();
        UUID tenant = parameters.uuid("tenant_id", tenantId);
        String projectionName = parameters.oneOf("projection", projection, replay.projectionNames(), null);
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidParametersException(HttpStatus.UNPROCESSABLE_CONTENT, Map.of("tenant_id", "is required"));
        }
        parameters.verify();

        List<DeadLetter> open = replay.openOf(tenant, projectionName);
        if (open.isEmpty()) {
            throw new DeadLetterNotFoundException("tenant " + tenant + " has no open dead letter");
        }
        List<ReplayOutcome> replayed = new ArrayList<>();
        List<DeadLetter> failed = new ArrayList<>();
        for (DeadLetter letter : open) {
            try {
                replayed.add(replay.replay(letter.id()));
            } catch (DeadLetterReplayFailedException e) {
                failed.add(e.deadLetter());
            }
        }
        if (!failed.isEmpty()) {
            throw new TenantReplayFailedException(replayed, failed);
        }
        return new TenantReplayResponse(replayed.stream().map(ReplayResponse::of).toList());
    }

    @PostMapping(path = "/{id}/skip", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Skip a dead letter", description = """
            For an event that can never be applied: records who decided (the token's subject) and why, moves the tenant past \
            it and applies the events waiting behind it. The read model lacks that event's change for good.""")
    @ApiResponse(responseCode = "200", description = "Skipped; the waiting events applied")
    @ApiResponse(responseCode = "404", description = "No such dead letter")
    @ApiResponse(responseCode = "409", description = "Already skipped")
    @ApiResponse(responseCode = "422", description = "No reason given")
    @ApiResponse(responseCode = "503",
            description = "A waiting event holds sealed fields and the command side gives no key now; see Retry-After")
    ReplayResponse skip(@PathVariable long id, @RequestBody SkipRequest request,
                        @AuthenticationPrincipal Caller caller) {
        String reason = request == null || request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidParametersException(HttpStatus.UNPROCESSABLE_CONTENT,
                    Map.of("reason", "must be 1 to " + MAX_REASON_LENGTH + " characters"));
        }
        return ReplayResponse.of(replay.skip(id, caller.subject(), reason));
    }

    /** @param reason why the event is left out, for whoever reads the dead letter later */
    record SkipRequest(String reason) {
    }

    @Schema(name = "DeadLetterPage")
    record DeadLetterPageResponse(List<DeadLetterResponse> data, TenantPageResponse.Links links,
                                  TenantPageResponse.Meta meta) {
    }

    @Schema(name = "TenantDeadLetterReplay")
    record TenantReplayResponse(List<ReplayResponse> replayed) {
    }
}
