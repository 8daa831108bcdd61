package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.support.web.TenantAnswer;

import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's admin API, {@code /api/v1/admin/tenants/}, with and without the trailing slash: an adapter onto the
 * same endpoints, so that it has the same commands, rules and answers; only its paths, its delete (always 204) and,
 * through {@code FastApiErrorsFilter}, its error bodies are its own.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin tenants (seed 004)", description = "FastAPI-style admin paths onto the same commands")
class AdminTenantsController {

    private final TenantCommandController tenants;

    AdminTenantsController(TenantCommandController tenants) {
        this.tenants = tenants;
    }

    @PostMapping(path = {"", "/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a tenant", description = "As POST /api/tenants.")
    @ApiResponse(responseCode = "201", description = "Created: the whole record")
    ResponseEntity<TenantAnswer> create(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        return tenants.create(body, request);
    }

    @PatchMapping(path = {"/{id}", "/{id}/"},
            consumes = {TenantCommandController.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some of a tenant's fields", description = "As PATCH /api/tenants/{id}.")
    @ApiResponse(responseCode = "200", description = "Patched: the whole record")
    ResponseEntity<TenantAnswer> patch(@PathVariable UUID id, @RequestBody Map<String, Object> patch,
                                       @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       HttpServletRequest request) {
        return tenants.patch(id, patch, ifMatch, request);
    }

    @DeleteMapping(path = {"/{id}", "/{id}/"})
    @Operation(summary = "Delete a tenant (soft)", description = "As DELETE /api/tenants/{id}; answers 204.")
    @ApiResponse(responseCode = "204", description = "Deleted (soft)")
    ResponseEntity<Map<String, String>> delete(@PathVariable UUID id,
                                               @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest request) {
        return tenants.delete(id, false, ifMatch, "return=minimal", request);
    }
}
