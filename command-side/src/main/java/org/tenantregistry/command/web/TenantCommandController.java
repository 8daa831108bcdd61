package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.me.CurrentTenants;
import org.tenantregistry.command.me.UnstorableCallerException;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.DeleteTenant;
import org.tenantregistry.command.tenant.PatchTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.TenantDocument;
import org.tenantregistry.command.tenant.TenantDocumentReader;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantStates;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.TenantAnswer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creating, replacing, patching and deleting tenants. */
@RestController
// Declared so that an unacceptable Accept is refused before the command runs, not after.
@RequestMapping(path = "/api/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenants", description = "Create, change and delete tenants; every write answers with the whole record it left")
class TenantCommandController {

    private static final Logger log = LoggerFactory.getLogger(TenantCommandController.class);

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String UPDATED = "Tenant updated successfully.";

    private static final String DRAFT_EXAMPLE = """
            {"name": "Acme Telecom", "slug": "acme", "domain": "acme.example.com", "timezone": "Europe/Berlin",
             "max_extensions": 50, "settings": {"mfa_required": true, "mfa_methods": ["totp"]},
             "logo_url": "https://cdn.example.com/acme.png", "accent_color": "#1A2B3C", "currency": "EUR",
             "description": "Regional carrier", "address": "Hauptstrasse 1", "city": "Berlin",
             "post_code": "10115", "country_code": "DE", "partner_id": "partner-17"}""";
    private static final String PATCH_EXAMPLE = """
            {"max_extensions": 80, "accent_color": "#FFFFFF", "description": null}""";

    private final CommandDispatcher commands;
    private final EventStore events;
    private final IdempotentTenantIds idempotentIds;
    private final TenantStates states;
    private final CurrentTenants currentTenants;

    TenantCommandController(CommandDispatcher commands, EventStore events, IdempotentTenantIds idempotentIds,
                            TenantStates states, CurrentTenants currentTenants) {
        this.commands = commands;
        this.events = events;
        this.idempotentIds = idempotentIds;
        this.states = states;
        this.currentTenants = currentTenants;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a tenant",
            description = "The server generates the id (from the caller and the Idempotency-Key when one is "
                    + "sent) and the short number. Fields left out take their defaults (timezone UTC, "
                    + "max_extensions 100); the slug is derived from the name when left out; settings [] is taken "
                    + "as {}. Every invalid field is reported at once. Send an Idempotency-Key to make retries safe. "
                    + "The new tenant becomes the caller's current tenant (seed 001; see GET /api/me).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TenantDocument.class),
                    examples = @ExampleObject(name = "tenant", value = DRAFT_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Created: the whole record",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "/api/tenants/{id}"),
                    @Header(name = HttpHeaders.ETAG, description = "the version, e.g. \"1\"")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> create(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Optional<UUID> named = idempotentIds.of(request);
        UUID id = named.orElseGet(UUID::randomUUID);
        CreateTenant command = new CreateTenant(id, TenantDocumentReader.read(body));
        TenantState created;
        try {
            created = commands.send(command, request);
        } catch (RuntimeException e) {
            if (named.isEmpty() || events.lastSequenceNumberFor(id.toString()).isEmpty()) {
                throw e;
            }
            // The event store refused a second stream for the id: this caller's key created the tenant before, but
            // its answer was never stored (the process died, or storing it failed, after the create committed).
            // Answer as a replay, with the tenant as it is now.
            moveCreator(request, id);
            ResponseEntity<TenantAnswer> replay = TenantAnswers.created(states.of(id));
            return ResponseEntity.status(replay.getStatusCode()).headers(replay.getHeaders())
                    .header(IdempotencyFilter.REPLAYED_HEADER, "true").body(replay.getBody());
        }
        moveCreator(request, id);
        return TenantAnswers.created(created);
    }

    /**
     * Seed 001: the creating API user is moved to the new tenant. The tenant exists whatever happens here, so a failure
     * to record the caller's preference must not make the create look failed (a retry would make a second tenant).
     */
    private void moveCreator(HttpServletRequest request, UUID tenantId) {
        Caller caller = CommandMetadataResolver.callerOf(request);
        if (caller == null) {
            return;
        }
        try {
            currentTenants.moveTo(caller, tenantId);
        } catch (DataAccessException | UnstorableCallerException e) {
            log.warn("Tenant {} was created, but {} could not be moved to it: {}", tenantId, caller.subject(),
                    e.getMessage());
        }
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a tenant's details",
            description = "Fields left out take their defaults; slug and status are kept when left out. "
                    + "status or active moves the lifecycle as the matching transition would.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TenantDocument.class),
                    examples = @ExampleObject(name = "tenant", value = DRAFT_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> replace(@PathVariable UUID id, @RequestBody Map<String, Object> body,
                                          @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          HttpServletRequest request) {
        return TenantAnswers.ok(commands.send(new UpdateTenant(id, VersionTags.expectedVersion(ifMatch),
                TenantDocumentReader.read(body)), request), UPDATED);
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some of a tenant's fields (JSON Merge Patch, RFC 7396)",
            description = "Members present overwrite, null removes a field, settings merge. The body must be "
                    + "a JSON object.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MERGE_PATCH_JSON,
                    schema = @Schema(type = "object"),
                    examples = @ExampleObject(name = "patch", value = PATCH_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Patched",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> patch(@PathVariable UUID id, @RequestBody Map<String, Object> patch,
                                        @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        HttpServletRequest request) {
        return TenantAnswers.ok(commands.send(
                new PatchTenant(id, VersionTags.expectedVersion(ifMatch), patch), request), UPDATED);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a tenant (soft), or purge it for good",
            description = "A soft-deleted tenant can be restored. With purge=true the tenant is gone: its slug and "
                    + "domain are released and every later request for it answers 404.")
    @ApiResponse(responseCode = "200", description = "Deleted or purged: the message alone",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(value = "{\"message\": \"Tenant deleted successfully.\"}")))
    @ApiResponse(responseCode = "204", description = "Deleted or purged, when the request says Prefer: return=minimal",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"))
    ResponseEntity<Map<String, String>> delete(@PathVariable UUID id,
                                @Parameter(description = "true: remove the tenant permanently")
                                @RequestParam(defaultValue = "false") boolean purge,
                                @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @Parameter(description = "return=minimal: answer 204 without a body")
                                @RequestHeader(value = "Prefer", required = false) String prefer,
                                HttpServletRequest request) {
        Long expected = VersionTags.expectedVersion(ifMatch);
        TenantState state = commands.send(purge ? new PurgeTenant(id, expected) : new DeleteTenant(id, expected),
                request);
        if (prefer != null && prefer.replace(" ", "").contains("return=minimal")) {
            return ResponseEntity.noContent().eTag(VersionTags.etag(state.version())).build();
        }
        return ResponseEntity.ok().eTag(VersionTags.etag(state.version()))
                .body(Map.of("message", purge ? "Tenant purged successfully." : "Tenant deleted successfully."));
    }

}
