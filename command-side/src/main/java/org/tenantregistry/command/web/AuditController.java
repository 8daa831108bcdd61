package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.tenantregistry.command.audit.AuditEvents;
import org.tenantregistry.command.audit.AuditPage;
import org.tenantregistry.command.audit.EventsQuery;
import org.tenantregistry.command.audit.HistoryOrder;
import org.tenantregistry.command.audit.HistoryQuery;
import org.tenantregistry.command.audit.PastState;
import org.tenantregistry.command.audit.TenantHistory;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.TenantAnswer;
import org.tenantregistry.support.web.TenantRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What auditors read, from the event store itself (the source of truth, not a read model): a tenant's history with
 * a diff for every event, the events of all tenants by global position, and a tenant as it was at any moment or
 * version. Every request needs {@code audit:read}; an MSP admin's token reads its partner's tenants only, and not
 * the events across tenants.
 */
@RestController
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
class AuditController {

    /** One tag for every auditor's read, this controller's and {@link ChainController}'s. */
    static final String TAG = "Auditing";
    static final String TAG_DESCRIPTION = "History with diffs, the events across tenants, tenants as they were, and "
            + "the hash chain's verification and checkpoints";

    private static final String ENTRY_EXAMPLE = """
            {"tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "position": 48213, "sequence": 3, "version": 4, \
            "event_id": "0f4c1d2e-5b6a-4978-8c9d-0e1f2a3b4c5d", "type": "TenantMaxExtensionsChanged", \
            "occurred_at": "2026-12-04T09:30:00.123Z", "actor": "test-admin", "client_id": "console", \
            "reason": "contract upgrade", "correlation_id": "7d9e4c1a-2b3f-4a5e-8c6d-9e0f1a2b3c4d", \
            "client_address": "203.0.113.7", "changes": {"max_extensions": {"from": 50, "to": 100}}}""";
    private static final String HISTORY_EXAMPLE = "{\"message\": \"" + AuditAnswers.HISTORY_FETCHED
            + "\", \"data\": [" + ENTRY_EXAMPLE + "], \"links\": {\"next\": "
            + "\"https://registry.example.com/api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20/history?limit=1&after=3\"}}";
    private static final String EVENTS_EXAMPLE = "{\"message\": \"" + AuditAnswers.EVENTS_FETCHED
            + "\", \"data\": [" + ENTRY_EXAMPLE + "], \"links\": {\"next\": null}, \"cursor\": 48213}";
    private static final String TYPE = "event types by the contract's names (TenantRenamed, ExtensionRegistered, "
            + "...), repeated or comma-separated; every type when left out";
    private static final String FROM = "only events at or after this ISO-8601 instant, e.g. "
            + AuditParameters.INSTANT_EXAMPLE;
    private static final String TO = "only events at or before this ISO-8601 instant";

    private final TenantHistory history;
    private final AuditEvents events;
    private final AuditAnswers answers;

    AuditController(TenantHistory history, AuditEvents events, AuditAnswers answers) {
        this.history = history;
        this.events = events;
        this.answers = answers;
    }

    @GetMapping(path = "/api/tenants/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A tenant's history: every event, with what it changed",
            description = "Every event of the tenant from its first, read from the event store (never dropped by "
                    + "age), with its time, the actor (token subject and client), the X-Change-Reason, the "
                    + "correlation id, the client's address, and the change as a diff of the tenant's representation "
                    + "in its JSON names, e.g. {\"max_extensions\": {\"from\": 50, \"to\": 100}}. Custom domains "
                    + "appear in the diff as the domains field; resources as their counts. A purged tenant's history "
                    + "stays readable. Pages by sequence: follow links.next. Needs audit:read.")
    @ApiResponse(responseCode = "200", description = "A page of the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AuditAnswers.HistoryAnswer.class),
                    examples = @ExampleObject(value = HISTORY_EXAMPLE)))
    ResponseEntity<AuditAnswers.HistoryAnswer> history(
            @Parameter(description = "The tenant's UUID or its number") @PathVariable UUID id,
            @Parameter(description = "asc (oldest first, the default) or desc")
            @RequestParam(required = false) String order,
            @Parameter(description = "only events with a greater sequence (asc pages read on with it)")
            @RequestParam(required = false) String after,
            @Parameter(description = "only events with a smaller sequence (desc pages read on with it)")
            @RequestParam(required = false) String before,
            @Parameter(description = "events per page, 1 to " + AuditParameters.MAX_LIMIT + ", default "
                    + AuditParameters.DEFAULT_LIMIT) @RequestParam(required = false) String limit,
            @Parameter(description = TYPE, array = @ArraySchema(schema = @Schema(type = "string")))
            @RequestParam(required = false) List<String> type,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            HttpServletRequest request) {
        AuditParameters parameters = new AuditParameters();
        HistoryOrder sorted = parameters.order(order);
        Long afterSequence = parameters.position("after", after);
        Long beforeSequence = parameters.position("before", before);
        int size = parameters.limit(limit);
        Set<String> types = parameters.types(type);
        Instant fromInstant = parameters.instant("from", from);
        Instant toInstant = parameters.instant("to", to);
        parameters.timeRange(fromInstant, toInstant);
        parameters.verify();

        AuditPage page = history.of(id, callerPartner(request), new HistoryQuery(sorted, afterSequence,
                beforeSequence, size, types, fromInstant, toInstant));
        String next = page.next() == null ? null
                : link(request, sorted == HistoryOrder.ASC ? "after" : "before", page.next());
        return ResponseEntity.ok(new AuditAnswers.HistoryAnswer(AuditAnswers.HISTORY_FETCHED,
                page.events().stream().map(answers::entry).toList(), new AuditAnswers.Links(next)));
    }

    @GetMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Events across tenants, by global position",
            description = "The events of every tenant, oldest first, each as in a tenant's history plus its "
                    + "tenant_id and global position. Read on with after=<cursor>; cursor also tells a poller where "
                    + "to read on once links.next is null. A page never passes a position that a write still running "
                    + "may fill, so no event is skipped. Needs audit:read, with a token bound to no partner or "
                    + "tenant.")
    @ApiResponse(responseCode = "200", description = "A page of events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AuditAnswers.EventsAnswer.class),
                    examples = @ExampleObject(value = EVENTS_EXAMPLE)))
    ResponseEntity<AuditAnswers.EventsAnswer> events(
            @Parameter(description = "only events at a greater global position; 0 (the default) from the first")
            @RequestParam(required = false) String after,
            @Parameter(description = "events per page, 1 to " + AuditParameters.MAX_LIMIT + ", default "
                    + AuditParameters.DEFAULT_LIMIT) @RequestParam(required = false) String limit,
            @Parameter(description = "one tenant's events only (its UUID)")
            @RequestParam(name = "tenant_id", required = false) String tenantId,
            @Parameter(description = TYPE, array = @ArraySchema(schema = @Schema(type = "string")))
            @RequestParam(required = false) List<String> type,
            @Parameter(description = "only events caused by this token subject", example = "test-admin")
            @RequestParam(required = false) String actor,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            HttpServletRequest request) {
        AuditParameters parameters = new AuditParameters();
        Long afterPosition = parameters.position("after", after);
        int size = parameters.limit(limit);
        UUID tenant = parameters.uuid("tenant_id", tenantId);
        Set<String> types = parameters.types(type);
        String subject = parameters.text(actor);
        Instant fromInstant = parameters.instant("from", from);
        Instant toInstant = parameters.instant("to", to);
        parameters.timeRange(fromInstant, toInstant);
        parameters.verify();

        AuditEvents.Result result = events.of(new EventsQuery(afterPosition == null ? 0 : afterPosition, size,
                tenant, types, subject, fromInstant, toInstant));
        String next = result.page().next() == null ? null : link(request, "after", result.page().next());
        return ResponseEntity.ok(new AuditAnswers.EventsAnswer(AuditAnswers.EVENTS_FETCHED,
                result.page().events().stream().map(answers::entry).toList(), new AuditAnswers.Links(next),
                result.settled()));
    }

    @GetMapping(path = "/api/tenants/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A tenant as it was, at an instant or a version",
            description = "The tenant exactly as it was after the last event at or before as_of, or after its "
                    + "first at_version events: the record a write answers (resource counts included) with its "
                    + "custom domains in short, their status as it stood then. Give one of as_of and at_version; the "
                    + "tenant as it is now is read on the query side. 404 before the tenant was created (or after it "
                    + "was purged). version and the ETag say which version answered. Needs audit:read.")
    @ApiResponse(responseCode = "200", description = "The tenant as it was",
            headers = @Header(name = HttpHeaders.ETAG, description = "the version that answered, e.g. \"3\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> asOf(
            @Parameter(description = "The tenant's UUID or its number") @PathVariable UUID id,
            @Parameter(description = "an ISO-8601 instant, e.g. " + AuditParameters.INSTANT_EXAMPLE)
            @RequestParam(name = "as_of", required = false) String asOf,
            @Parameter(description = "a version from 1: the tenant after its first that many events")
            @RequestParam(name = "at_version", required = false) String atVersion,
            HttpServletRequest request) {
        AuditParameters parameters = new AuditParameters();
        Instant instant = parameters.instant("as_of", asOf);
        Long version = parameters.atVersion(atVersion);
        boolean noInstant = asOf == null || asOf.isBlank();
        boolean noVersion = atVersion == null || atVersion.isBlank();
        if (noInstant && noVersion) {
            parameters.missing("as_of", "or at_version is required: the tenant as it is now is read on the query "
                    + "side, GET /api/tenants/{id} there");
        } else if (!noInstant && !noVersion) {
            parameters.refuse("at_version", "cannot be combined with as_of: give one of them");
        }
        parameters.verify();

        String partner = callerPartner(request);
        PastState past = instant != null ? history.asOf(id, partner, instant) : history.atVersion(id, partner, version);
        TenantRepresentation tenant = answers.past(past);
        return ResponseEntity.ok().eTag(VersionTags.etag(tenant.version()))
                .body(new TenantAnswer(AuditAnswers.TENANT_LOADED, tenant));
    }

    /** This request's URL with one cursor parameter set: every other parameter as the client sent it. */
    private static String link(HttpServletRequest request, String cursor, long value) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null);
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(cursor)) {
                url.queryParam(name, (Object[]) values);
            }
        });
        url.queryParam(cursor, value);
        return url.encode().build().toUriString();
    }

    private static String callerPartner(HttpServletRequest request) {
        Caller caller = CommandMetadataResolver.callerOf(request);
        return caller == null ? null : caller.partnerId();
    }
}
