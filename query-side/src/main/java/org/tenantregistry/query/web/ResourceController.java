package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.resource.ResourceLedger;
import org.tenantregistry.query.resource.ResourceProjection;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.query.tenant.TenantProjection;
import org.tenantregistry.query.tenant.TenantQueries;
import org.tenantregistry.support.security.Caller;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
// Only the known kinds match, so that these paths never shadow another endpoint under a tenant.
@RequestMapping(path = "/api/tenants/{id}/{kind:extensions|dids|queues|rates|users}",
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenant resources", description = "What each tenant owns: extensions, DIDs, queues, rates and members")
class ResourceController {

    /** The tenant's partner, which decides who sees its resources, is in the tenant projection. */
    private static final List<String> WITH_TENANTS = List.of(ResourceProjection.NAME, TenantProjection.NAME);

    private final ResourceLedger ledger;
    private final TenantQueries tenants;
    private final ReadYourWrites readYourWrites;

    ResourceController(ResourceLedger ledger, TenantQueries tenants, ReadYourWrites readYourWrites) {
        this.ledger = ledger;
        this.tenants = tenants;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    @Operation(summary = "A tenant's resources of one kind", description = """
            In registration order. Attributes: extensions number, name; dids number; queues name, strategy; rates \
            prefix, price, currency; users email, status (0 passive, 1 active, 2 banned; a deactivation's \
            user_status sets every member's). Only of a tenant the caller sees: an MSP admin (partner_id claim) its \
            partner's, a client admin (tenant_id claim) its own; any other tenant is 404, as an unknown one.""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ResourceListResponse.class),
            examples = @ExampleObject(value = """
                    {"message": "Extensions fetched successfully.", "data": [{"id": \
                    "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", \
                    "number": "100", "name": "Reception", "created_at": "2026-11-22T09:30:00Z"}]}""")))
    @ApiResponse(responseCode = "404", description = "Unknown or purged tenant, or one the caller does not see",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "503", description = "min_version not reached within the wait bound; see Retry-After",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.NOT_CAUGHT_UP)))
    CompletableFuture<ResourceListResponse> list(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(description = "The tenant's UUID", example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20")
            @PathVariable UUID id,
            @Parameter(description = "extensions, dids, queues, rates or users", example = "extensions")
            @PathVariable String kind,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        QueryParameters parameters = new QueryParameters();
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();

        Reach reach = Reach.of(caller);
        return readYourWrites.then(WITH_TENANTS, reach, tokens, () -> Optional.of(id)
                .filter(tenant -> tenants.inReach(tenant, reach))
                .flatMap(tenant -> ledger.resourcesOf(tenant, kind))
                .map(resources -> ResourceListResponse.of(kind, resources))
                .orElseThrow(() -> new TenantNotFoundException("id", id.toString())));
    }
}
