package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.tenant.ActivateTenant;
import org.tenantregistry.command.tenant.ChangeSlug;
import org.tenantregistry.command.tenant.DeactivateTenant;
import org.tenantregistry.command.tenant.ReactivateTenant;
import org.tenantregistry.command.tenant.RestoreTenant;
import org.tenantregistry.command.tenant.SuspendTenant;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.support.web.TenantAnswer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * The slug and the lifecycle: one resource per transition, so that each is a single, clearly named command with its
 * own rules (a suspension needs a reason, a deactivation the member status).
 */
@RestController
// Declared so that an unacceptable Accept is refused before the command runs, not after.
@RequestMapping(path = "/api/tenants/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenant lifecycle", description = "Change the slug and move a tenant through its lifecycle")
class TenantLifecycleController {

    @Schema(description = "The new slug: a DNS label, not reserved, not used by another tenant",
            example = "{\"slug\": \"acme-gmbh\"}")
    public record SlugChange(@NotNull String slug) {
    }

    @Schema(description = "Why the tenant is suspended", example = "{\"reason\": \"invoice 2026-11 unpaid\"}")
    public record Suspension(@NotBlank String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(description = "What the deactivation applies to the tenant's members: 0 passive, 1 active, 2 banned",
            example = "{\"user_status\": 2}")
    public record Deactivation(@NotNull MemberStatus userStatus) {
    }

    private final CommandDispatcher commands;

    TenantLifecycleController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping(path = "/slug", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the slug", description = "The old slug is quarantined before another tenant may take it.")
    @ApiResponse(responseCode = "200", description = "Changed", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> changeSlug(@PathVariable UUID id, @Valid @RequestBody SlugChange body,
                                             @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             HttpServletRequest request) {
        TenantState state = commands.send(
                new ChangeSlug(id, VersionTags.expectedVersion(ifMatch), body.slug()), request);
        return TenantAnswers.ok(state, "Tenant slug changed successfully.");
    }

    @PutMapping(path = "/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Suspend an active tenant", description = "active → suspended; the reason is required.")
    @ApiResponse(responseCode = "200", description = "Suspended", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> suspend(@PathVariable UUID id, @Valid @RequestBody Suspension body,
                                          @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          HttpServletRequest request) {
        TenantState state = commands.send(
                new SuspendTenant(id, VersionTags.expectedVersion(ifMatch), body.reason()), request);
        return TenantAnswers.ok(state, "Tenant suspended successfully.");
    }

    @PutMapping("/reactivate")
    @Operation(summary = "Reactivate a suspended tenant", description = "suspended → active. No body needed.")
    @ApiResponse(responseCode = "200", description = "Reactivated", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> reactivate(@PathVariable UUID id,
                                             @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             HttpServletRequest request) {
        TenantState state = commands.send(new ReactivateTenant(id, VersionTags.expectedVersion(ifMatch)), request);
        return TenantAnswers.ok(state, "Tenant reactivated successfully.");
    }

    @PutMapping(path = "/deactivate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deactivate an active tenant", description = "active → deactivated, with the status to apply to its members.")
    @ApiResponse(responseCode = "200", description = "Deactivated", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> deactivate(@PathVariable UUID id, @Valid @RequestBody Deactivation body,
                                             @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             HttpServletRequest request) {
        TenantState state = commands.send(
                new DeactivateTenant(id, VersionTags.expectedVersion(ifMatch), body.userStatus()), request);
        return TenantAnswers.okWithTrash(state, "Tenant deactivated successfully.");
    }

    @PutMapping("/activate")
    @Operation(summary = "Activate a deactivated tenant", description = "deactivated → active. No body needed.")
    @ApiResponse(responseCode = "200", description = "Activated", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> activate(@PathVariable UUID id,
                                           @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           HttpServletRequest request) {
        TenantState state = commands.send(new ActivateTenant(id, VersionTags.expectedVersion(ifMatch)), request);
        return TenantAnswers.okWithTrash(state, "Tenant activated successfully.");
    }

    @PutMapping("/restore")
    @Operation(summary = "Restore a soft-deleted tenant",
            description = "deleted → the status it had before the delete. No body needed.")
    @ApiResponse(responseCode = "200", description = "Restored", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> restore(@PathVariable UUID id,
                                          @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          HttpServletRequest request) {
        TenantState state = commands.send(new RestoreTenant(id, VersionTags.expectedVersion(ifMatch)), request);
        return TenantAnswers.ok(state, "Tenant restored successfully.");
    }
}
