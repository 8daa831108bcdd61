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
import org.tenantregistry.query.domain.CustomDomain;
import org.tenantregistry.query.domain.DomainLedger;
import org.tenantregistry.query.domain.DomainProjection;
import org.tenantregistry.query.domain.PublicBranding;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.query.tenant.TenantProjection;
import org.tenantregistry.query.tenant.TenantQueries;
import org.tenantregistry.query.tenant.TenantView;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.DomainRepresentation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping(path = "/api/tenants/{id}/domains", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Custom domains", description = "The tenants' own domains, pending until DNS proves them, then verified")
@ApiResponse(responseCode = "400", description = "min_version could not be read",
        content = @Content(mediaType = "application/problem+json",
                examples = @ExampleObject(value = ApiExamples.MALFORMED_PARAMETERS)))
@ApiResponse(responseCode = "503", description = "min_version not reached within the wait bound; see Retry-After",
        content = @Content(mediaType = "application/problem+json",
                examples = @ExampleObject(value = ApiExamples.NOT_CAUGHT_UP)))
class DomainController {

    /** The tenant's partner, which decides who sees its domains, and its slug (the CNAME's target) are the tenants'. */
    private static final List<String> WITH_TENANTS = List.of(DomainProjection.NAME, TenantProjection.NAME);

    private final DomainLedger ledger;
    private final TenantQueries tenants;
    private final PublicBranding branding;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    DomainController(DomainLedger ledger, TenantQueries tenants, PublicBranding branding,
                     ReadYourWrites readYourWrites, Clock clock) {
        this.ledger = ledger;
        this.tenants = tenants;
        this.branding = branding;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A tenant's custom domains", description = """
            In the order they were added, each with the DNS records that prove it (a CNAME to the tenant's \
            <slug>.<base domain>, or a TXT record _tenant-registry.<domain> with the token), the next step and the \
            last check. Status expired: pending with a token past token_expires_at. """ + ApiExamples.VISIBILITY)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DomainListResponse.class),
            examples = @ExampleObject(value = ApiExamples.DOMAINS)))
    @ApiResponse(responseCode = "404", description = "Unknown or purged tenant, or one the caller does not see",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    CompletableFuture<DomainListResponse> list(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(description = "The tenant's UUID", example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20")
            @PathVariable UUID id,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        Reach reach = Reach.of(caller);
        return readYourWrites.then(WITH_TENANTS, reach, tokens(minVersion), () -> {
            TenantView tenant = tenant(id, reach);
            Instant now = clock.instant();
            return DomainListResponse.of(ledger.domainsOf(id).stream()
                    .map(domain -> representation(domain, tenant.slug(), now))
                    .toList());
        });
    }

    @GetMapping("/{domainId}")
    @Operation(summary = "One custom domain of a tenant", description = ApiExamples.VISIBILITY)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DomainAnswer.class)))
    @ApiResponse(responseCode = "404", description = "Unknown tenant or domain, or a tenant the caller does not see",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    CompletableFuture<DomainAnswer> one(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(description = "The tenant's UUID", example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20")
            @PathVariable UUID id,
            @Parameter(description = "The domain's UUID", example = "0b7e9f4a-2c1d-4e8f-9a3b-5c6d7e8f9a0b")
            @PathVariable UUID domainId,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        Reach reach = Reach.of(caller);
        return readYourWrites.then(WITH_TENANTS, reach, tokens(minVersion), () -> {
            TenantView tenant = tenant(id, reach);
            return ledger.domainOf(id, domainId)
                    .map(domain -> DomainAnswer.of(representation(domain, tenant.slug(), clock.instant())))
                    .orElseThrow(() -> new DomainNotFoundException(id, domainId));
        });
    }

    /** The shape both sides answer; {@code slug} the tenant's now, the CNAME's target being {@code <slug>.<base>}. */
    private DomainRepresentation representation(CustomDomain domain, String slug, Instant now) {
        return DomainRepresentation.of(new DomainRepresentation.Facts(domain.id(), domain.tenantId(),
                domain.domain(), domain.verified(), domain.primary(), domain.verificationToken(),
                domain.tokenExpiresAt(), slug + "." + branding.baseDomain(), domain.lastCheck(),
                domain.consecutiveFailures(), domain.lastCheckedAt(), domain.verifiedAt(), domain.createdAt(),
                domain.updatedAt()), now);
    }

    private static List<VersionToken> tokens(List<String> minVersion) {
        QueryParameters parameters = new QueryParameters();
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();
        return tokens;
    }

    /** Soft-deleted tenants keep their domains, as their resources: only purged or invisible ones are unknown. */
    private TenantView tenant(UUID id, Reach reach) {
        return tenants.byId(id, true, reach).orElseThrow(() -> new TenantNotFoundException("id", id.toString()));
    }
}
