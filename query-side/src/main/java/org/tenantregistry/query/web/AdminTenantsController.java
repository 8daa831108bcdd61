package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.TenantAnswer;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Seed 004's admin API, {@code /api/v1/admin/tenants/}, with and without the trailing slash: an adapter onto the
 * same reads, so that it has the same filters, limits and answers; only its paths and, through
 * {@code FastApiErrorsFilter}, its error bodies are its own.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin tenants (seed 004)", description = "FastAPI-style admin paths onto the same reads")
class AdminTenantsController {

    private final TenantController tenants;

    AdminTenantsController(TenantController tenants) {
        this.tenants = tenants;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "List tenants", description = "As GET /api/tenants, with seed 004's parameters: only the "
            + "tenants the caller sees.")
    @ApiResponse(responseCode = "200", description = "A page of tenants")
    @ApiResponse(responseCode = "422", description = "A parameter is out of bounds, e.g. per_page=101")
    CompletableFuture<TenantPageResponse> list(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(example = "1") @RequestParam(required = false) String page,
            @Parameter(example = "10") @RequestParam(name = "per_page", required = false) String perPage,
            @Parameter(example = "acme") @RequestParam(required = false) String search,
            @Parameter(example = "active") @RequestParam(required = false) String status,
            @Parameter(example = "partner-17") @RequestParam(name = "partner_id", required = false) String partnerId) {
        return tenants.list(caller, search, null, null, status, partnerId, null, null, page, perPage, null, null,
                null);
    }

    @GetMapping({"/{id}", "/{id}/"})
    @Operation(summary = "One tenant", description = "As GET /api/tenants/{id}. " + ApiExamples.VISIBILITY)
    @ApiResponse(responseCode = "200", description = "The tenant")
    @ApiResponse(responseCode = "404", description = "Unknown, purged, soft-deleted or not visible to the caller")
    CompletableFuture<TenantAnswer> get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                        @PathVariable UUID id) {
        return tenants.byId(caller, id, null, null);
    }
}
