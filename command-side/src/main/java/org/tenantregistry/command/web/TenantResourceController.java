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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.resource.RegisterResource;
import org.tenantregistry.command.resource.RegisteredResource;
import org.tenantregistry.command.resource.ReleaseResource;
import org.tenantregistry.command.resource.ResourceKind;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The resources a tenant owns: registered and released through the tenant's aggregate, which holds the ledger and
 * enforces the quotas (see {@code command.resource.Resources}).
 */
@RestController
// Only the known kinds match, so that these paths never shadow another endpoint under a tenant.
@RequestMapping(path = "/api/tenants/{id}/{kind:extensions|dids|queues|rates|users}",
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenant resources",
        description = "Register and release a tenant's extensions, DIDs, queues, rates and members")
class TenantResourceController {

    private static final String ATTRIBUTES = """
            extensions: number (1-10 digits, unique in the tenant), name; dids: number (E.164, unique across \
            tenants); queues: name (unique in the tenant), strategy (ringall, roundrobin, leastrecent, fewestcalls, \
            random, linear; default ringall); rates: prefix (digits, unique in the tenant), price (decimal >= 0), \
            currency (ISO 4217); users: email (unique in the tenant), status (0 passive, 1 active, 2 banned; \
            default 1).""";

    private final CommandDispatcher commands;

    TenantResourceController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a resource of the tenant",
            description = "The tenant must be active. Extensions are capped by the tenant's max_extensions: past it "
                    + "the answer is 409 quota-exceeded (a problem with limit and usage), and nothing is written. "
                    + "Attributes: " + ATTRIBUTES,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "extension", value = """
                            {"number": "100", "name": "Reception"}"""))))
    @ApiResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "/api/tenants/{id}/{kind}/{resource_id}"),
                    @Header(name = HttpHeaders.ETAG, description = "the tenant's version, e.g. \"3\"")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ResourceAnswer.class)))
    ResponseEntity<ResourceAnswer> register(@PathVariable UUID id,
                                            @Parameter(description = "extensions, dids, queues, rates or users",
                                                    example = "extensions")
                                            @PathVariable String kind,
                                            @RequestBody Map<String, Object> attributes, HttpServletRequest request) {
        RegisterResource command = new RegisterResource(id, UUID.randomUUID(), kindOf(kind), attributes);
        RegisteredResource registered = commands.retried(() -> commands.register(command, request));
        return ResponseEntity.created(URI.create("/api/tenants/" + id + "/" + kind + "/" + registered.resourceId()))
                .eTag(VersionTags.etag(registered.version()))
                .body(ResourceAnswer.registered(id, registered));
    }

    @DeleteMapping("/{resourceId}")
    @Operation(summary = "Release a resource of the tenant",
            description = "A released DID number is quarantined like a released slug before another tenant may "
                    + "register it. Send Prefer: return=minimal for a 204 without a body. 404 for a resource "
                    + "of that kind with that id the tenant does not have.")
    @ApiResponse(responseCode = "200", description = "Released", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ResourceAnswer.class),
                    examples = @ExampleObject(value = """
                            {"message": "Extension released successfully.", "version": 4}""")))
    @ApiResponse(responseCode = "204", description = "Released, with Prefer: return=minimal",
            headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<ResourceAnswer> release(@PathVariable UUID id,
                                           @Parameter(description = "extensions, dids, queues, rates or users",
                                                   example = "extensions")
                                           @PathVariable String kind,
                                           @PathVariable UUID resourceId,
                                           @RequestHeader(value = "Prefer", required = false) String prefer,
                                           HttpServletRequest request) {
        ResourceKind resourceKind = kindOf(kind);
        ReleaseResource command = new ReleaseResource(id, resourceKind, resourceId);
        long version = commands.retried(() -> commands.version(command, request));
        if (prefer != null && prefer.replace(" ", "").toLowerCase(Locale.ROOT).contains("return=minimal")) {
            return ResponseEntity.noContent().eTag(VersionTags.etag(version)).build();
        }
        return ResponseEntity.ok().eTag(VersionTags.etag(version))
                .body(new ResourceAnswer(resourceKind.singular() + " released successfully.", null, version));
    }

    private static ResourceKind kindOf(String pathName) {
        // The path pattern admits only the known kinds.
        return ResourceKind.ofPath(pathName).orElseThrow();
    }
}
