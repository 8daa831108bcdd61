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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.DeleteTenant;
import org.tenantregistry.command.tenant.PatchTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.TenantCreation;
import org.tenantregistry.command.tenant.TenantDraft;
import org.tenantregistry.command.tenant.UpdateTenant;
import org.tenantregistry.events.TenantCreated;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creating, replacing, patching and deleting tenants. */
@RestController
// Declared so that an unacceptable Accept is refused before the command runs, not after.
@RequestMapping(path = "/api/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenants", description = "Create, change and delete tenants; every write answers with the new version")
class TenantCommandController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private static final String DRAFT_EXAMPLE = """
            {"name": "Acme Telecom", "slug": "acme", "domain": "acme.example.com", "timezone": "Europe/Berlin",
             "max_extensions": 50, "settings": {"mfa_required": true, "mfa_methods": ["totp"]},
             "branding": {"logo_url": "https://cdn.example.com/acme.png", "accent_color": "#1A2B3C", "currency": "EUR"},
             "profile": {"description": "Regional carrier", "address": "Hauptstrasse 1", "city": "Berlin",
                         "post_code": "10115", "country_code": "DE"},
             "partner_id": "partner-17"}""";
    private static final String PATCH_EXAMPLE = """
            {"max_extensions": 80, "branding": {"accent_color": "#FFFFFF"}, "profile": {"description": null}}""";
    private static final String VERSION_EXAMPLE = """
            {"id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "version": 4}""";

    private final CommandDispatcher commands;
    private final EventStore events;
    private final IdempotentTenantIds idempotentIds;

    TenantCommandController(CommandDispatcher commands, EventStore events, IdempotentTenantIds idempotentIds) {
        this.commands = commands;
        this.events = events;
        this.idempotentIds = idempotentIds;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a tenant",
            description = "The server generates the id (from the caller and the Idempotency-Key when one is "
                    + "sent). Fields left out take their defaults (timezone UTC, "
                    + "max_extensions 100); the slug is derived from the name when left out. Send an Idempotency-Key "
                    + "to make retries safe.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TenantDraft.class),
                    examples = @ExampleObject(name = "tenant", value = DRAFT_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "/api/tenants/{id}"),
                    @Header(name = HttpHeaders.ETAG, description = "the version, e.g. \"1\"")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CreatedTenant.class),
                    examples = @ExampleObject(value = """
                            {"id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "slug": "acme", "version": 1}""")))
    ResponseEntity<CreatedTenant> create(@RequestBody TenantDraft draft, HttpServletRequest request) {
        Optional<UUID> named = idempotentIds.of(request);
        UUID id = named.orElseGet(UUID::randomUUID);
        TenantCreation created;
        try {
            created = commands.create(new CreateTenant(id, draft), request);
        } catch (RuntimeException e) {
            if (named.isEmpty() || events.lastSequenceNumberFor(id.toString()).isEmpty()) {
                throw e;
            }
            // The event store refused a second stream for the id: this caller's key created the tenant before, but
            // its answer was never stored (the process died, or storing it failed, after the create committed).
            // Answer as a replay, with the tenant's version now.
            return ResponseEntity.created(URI.create("/api/tenants/" + id))
                    .eTag(VersionTags.etag(versionOf(id)))
                    .header(IdempotencyFilter.REPLAYED_HEADER, "true")
                    .body(new CreatedTenant(id, slugOf(id), versionOf(id)));
        }
        return ResponseEntity.created(URI.create("/api/tenants/" + id))
                .eTag(VersionTags.etag(created.version()))
                .body(new CreatedTenant(id, created.slug(), created.version()));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a tenant's details",
            description = "Fields left out take their defaults; slug and status are kept when left out.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TenantDraft.class),
                    examples = @ExampleObject(name = "tenant", value = DRAFT_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantVersion.class),
                    examples = @ExampleObject(value = VERSION_EXAMPLE)))
    ResponseEntity<TenantVersion> replace(@PathVariable UUID id, @RequestBody TenantDraft draft,
                                          @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          HttpServletRequest request) {
        return TenantVersion.ok(id, commands.send(
                new UpdateTenant(id, VersionTags.expectedVersion(ifMatch), draft), request));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some of a tenant's fields (JSON Merge Patch, RFC 7396)",
            description = "Members present overwrite, nested objects merge, null removes a field. The body must be "
                    + "a JSON object.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MERGE_PATCH_JSON,
                    schema = @Schema(type = "object"),
                    examples = @ExampleObject(name = "patch", value = PATCH_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Patched",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantVersion.class),
                    examples = @ExampleObject(value = VERSION_EXAMPLE)))
    ResponseEntity<TenantVersion> patch(@PathVariable UUID id, @RequestBody Map<String, Object> patch,
                                        @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        HttpServletRequest request) {
        return TenantVersion.ok(id, commands.send(
                new PatchTenant(id, VersionTags.expectedVersion(ifMatch), patch), request));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a tenant (soft), or purge it for good",
            description = "A soft-deleted tenant can be restored. With purge=true the tenant is gone: its slug and "
                    + "domain are released and every later request for it answers 404.")
    @ApiResponse(responseCode = "204", description = "Deleted or purged",
            headers = @Header(name = HttpHeaders.ETAG, description = "the new version"))
    ResponseEntity<Void> delete(@PathVariable UUID id,
                                @Parameter(description = "true: remove the tenant permanently")
                                @RequestParam(defaultValue = "false") boolean purge,
                                @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                HttpServletRequest request) {
        Long expected = VersionTags.expectedVersion(ifMatch);
        long version = commands.send(purge ? new PurgeTenant(id, expected) : new DeleteTenant(id, expected), request);
        return ResponseEntity.noContent().eTag(VersionTags.etag(version)).build();
    }

    /** The number of events in the tenant's stream. */
    private long versionOf(UUID id) {
        return events.lastSequenceNumberFor(id.toString()).map(last -> last + 1).orElse(0L);
    }

    /** The slug an earlier create stored, which the client did not necessarily choose: read from its first event. */
    private String slugOf(UUID id) {
        DomainEventMessage<?> first = events.readEvents(id.toString(), 0L).next();
        return ((TenantCreated) first.getPayload()).slug();
    }
}
