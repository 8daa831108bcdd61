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
import org.tenantregistry.query.domain.DomainLedger;
import org.tenantregistry.query.domain.DomainProjection;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.resource.ResourceCounts;
import org.tenantregistry.query.resource.ResourceLedger;
import org.tenantregistry.query.resource.ResourceProjection;
import org.tenantregistry.query.tenant.CountTenants;
import org.tenantregistry.query.tenant.TenantCursor;
import org.tenantregistry.query.tenant.FindTenants;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.query.tenant.TenantFilter;
import org.tenantregistry.query.tenant.TenantPage;
import org.tenantregistry.query.tenant.TenantProjection;
import org.tenantregistry.query.tenant.TenantQueries;
import org.tenantregistry.query.tenant.TenantSort;
import org.tenantregistry.query.tenant.TenantView;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.TenantAnswer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping(path = "/api/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenants", description = "The tenant read model")
@ApiResponse(responseCode = "400", description = "A parameter could not be read",
        content = @Content(mediaType = "application/problem+json",
                examples = @ExampleObject(value = ApiExamples.MALFORMED_PARAMETERS)))
@ApiResponse(responseCode = "503", description = "min_version not reached within the wait bound; see Retry-After",
        content = @Content(mediaType = "application/problem+json",
                examples = @ExampleObject(value = ApiExamples.NOT_CAUGHT_UP)))
class TenantController {

    private static final String LOADED = "Tenant loaded successfully.";
    /** Tenants with their resource counts or relations read from both projections, so wait for both. */
    private static final List<String> WITH_RESOURCES = List.of(TenantProjection.NAME, ResourceProjection.NAME);
    /** A single tenant shows its custom domains too. */
    private static final List<String> WITH_RELATIONS = List.of(TenantProjection.NAME, ResourceProjection.NAME,
            DomainProjection.NAME);

    private final TenantQueries queries;
    private final ResourceLedger ledger;
    private final ReadYourWrites readYourWrites;
    private final PageLinks pageLinks;
    private final QueryWebProperties limits;
    private final DomainLedger domains;
    private final Clock clock;

    TenantController(TenantQueries queries, ResourceLedger ledger, ReadYourWrites readYourWrites, PageLinks pageLinks,
                     QueryWebProperties limits, DomainLedger domains, Clock clock) {
        this.queries = queries;
        this.ledger = ledger;
        this.domains = domains;
        this.clock = clock;
        this.readYourWrites = readYourWrites;
        this.pageLinks = pageLinks;
        this.limits = limits;
    }

    @GetMapping
    @Operation(summary = "List tenants", description = """
            Case-insensitive search over name, slug, domain and profile description; filters; a stable sort; pages \
            with Laravel-style links and meta. Soft-deleted tenants only with include_deleted=true or status=deleted. \
            links.next carries a cursor: following it reads the next page off the sort index, as fast at any depth. \
            A page number alone may skip at most tenant-registry.query.web.max-page-offset (10,000) tenants; deeper \
            is 422. A search counts its matches exactly up to tenant-registry.query.web.search-total-cap (1,000): \
            beyond, meta.total is a lower bound, meta.total_relation is gte, and meta.last_page and links.last are \
            null. Without search text, total is always exact (total_relation eq). Visibility: an MSP admin's token \
            (partner_id claim) lists only its partner's tenants, a client admin's (tenant_id claim) only its own, \
            and the totals count no other; partner_id then narrows within them (another partner's gives an empty \
            page).""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantPageResponse.class),
            examples = @ExampleObject(value = ApiExamples.PAGE)))
    @ApiResponse(responseCode = "422", description = "A parameter is out of bounds, e.g. per_page=101",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.INVALID_PARAMETERS)))
    CompletableFuture<TenantPageResponse> list(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Text to find in name, slug, domain or description", example = "acme")
            @RequestParam(required = false) String search,
            @Parameter(description = "The full name, case-insensitive", example = "Acme Telecom")
            @RequestParam(required = false) String name,
            @Parameter(description = "Text to find in the description", example = "carrier")
            @RequestParam(required = false) String description,
            @Parameter(description = "active, suspended, deactivated or deleted", example = "active")
            @RequestParam(required = false) String status,
            @Parameter(example = "partner-17") @RequestParam(name = "partner_id", required = false) String partnerId,
            @Parameter(description = "ISO 3166-1 alpha-2", example = "DE")
            @RequestParam(name = "country_code", required = false) String countryCode,
            @Parameter(description = "-created_at (default), created_at, name, -name, slug, -slug", example = "name")
            @RequestParam(required = false) String sort,
            @Parameter(description = "1-based, default 1; (page - 1) * per_page at most 10,000 without a cursor. With "
                    + "a cursor it only numbers the page (meta.current_page, from, to)", example = "1")
            @RequestParam(required = false) String page,
            @Parameter(description = "1 to 100, default 10", example = "10")
            @RequestParam(name = "per_page", required = false) String perPage,
            @Parameter(description = "Opaque; from links.next, with the same filters and sort. Resumes after the "
                    + "previous page's last tenant; 400 when it is not such a cursor")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "Show soft-deleted tenants too", example = "false")
            @RequestParam(name = "include_deleted", required = false) String includeDeleted,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        QueryParameters parameters = new QueryParameters();
        TenantFilter filter = filter(parameters, new Texts(search, name, description), status, partnerId, countryCode,
                includeDeleted);
        TenantSort order = parameters.sort(sort);
        int pageNumber = parameters.page(page);
        int size = parameters.perPage(perPage);
        TenantCursor after = parameters.cursor(cursor, order);
        if (after == null) {
            parameters.offsetAtMost(pageNumber, size, limits.maxPageOffset());
        }
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();

        Reach reach = Reach.of(caller);
        FindTenants query = new FindTenants(filter, order, pageNumber, size, after, limits.searchTotalCap(), reach);
        // The links are built from the request now: the answer may be put together on another thread.
        PageLinks.Pages pages = pageLinks.pages(pageNumber, size, limits.maxPageOffset());
        return readYourWrites.then(WITH_RESOURCES, reach, tokens, () -> {
            TenantPage found = queries.find(query);
            Map<UUID, ResourceCounts> counts = ledger.countsFor(found.tenants().stream().map(TenantView::id).toList());
            return new TenantPageResponse(TenantPageResponse.FETCHED, found.tenants().stream()
                    .map(tenant -> TenantRepresentations.listed(tenant,
                            counts.getOrDefault(tenant.id(), ResourceCounts.NONE)))
                    .toList(),
                    pages.links(found.total(), found.next() == null ? null : found.next().encode()),
                    pages.meta(query.offset(), found.tenants().size(), found.total()));
        });
    }

    @GetMapping("/count")
    @Operation(summary = "Count tenants", description = """
            Same filters as the list. Without search text the answer comes from counters the projection keeps, not \
            from counting rows, and is exact. With search text the matches are counted exactly up to \
            tenant-registry.query.web.search-total-cap (1,000); beyond, count is that lower bound and count_relation \
            is gte. Counts only the tenants the caller sees, as the list.""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountResponse.class),
            examples = @ExampleObject(value = ApiExamples.COUNT)))
    @ApiResponse(responseCode = "422", description = "A parameter is out of bounds",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.INVALID_PARAMETERS)))
    CompletableFuture<CountResponse> count(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(example = "acme") @RequestParam(required = false) String search,
            @Parameter(description = "The full name, case-insensitive", example = "Acme Telecom")
            @RequestParam(required = false) String name,
            @Parameter(description = "Text to find in the description", example = "carrier")
            @RequestParam(required = false) String description,
            @Parameter(example = "active") @RequestParam(required = false) String status,
            @Parameter(example = "partner-17") @RequestParam(name = "partner_id", required = false) String partnerId,
            @Parameter(example = "DE") @RequestParam(name = "country_code", required = false) String countryCode,
            @Parameter(example = "false") @RequestParam(name = "include_deleted", required = false) String includeDeleted,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        QueryParameters parameters = new QueryParameters();
        TenantFilter filter = filter(parameters, new Texts(search, name, description), status, partnerId, countryCode,
                includeDeleted);
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();

        Reach reach = Reach.of(caller);
        return readYourWrites.then(TenantProjection.NAME, reach, tokens,
                () -> CountResponse.of(queries.count(new CountTenants(filter, limits.searchTotalCap(), reach))));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tenant by id", description = ApiExamples.VISIBILITY)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantAnswer.class),
            examples = @ExampleObject(value = ApiExamples.SHOWN)))
    @ApiResponse(responseCode = "404", description = "Unknown, purged, soft-deleted without include_deleted, or "
            + "not visible to the caller",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    CompletableFuture<TenantAnswer> byId(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(description = "The tenant's UUID or its number", example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20")
            @PathVariable UUID id,
            @Parameter(example = "false") @RequestParam(name = "include_deleted", required = false) String includeDeleted,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        Reach reach = Reach.of(caller);
        return one(reach, includeDeleted, minVersion, deleted -> queries.byId(id, deleted, reach), "id",
                id.toString());
    }

    @GetMapping("/by-slug/{slug}")
    @Operation(summary = "One tenant by slug", description = ApiExamples.VISIBILITY)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantAnswer.class),
            examples = @ExampleObject(value = ApiExamples.SHOWN)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    CompletableFuture<TenantAnswer> bySlug(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(example = "acme") @PathVariable String slug,
            @Parameter(example = "false") @RequestParam(name = "include_deleted", required = false) String includeDeleted,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        Reach reach = Reach.of(caller);
        return one(reach, includeDeleted, minVersion, deleted -> queries.bySlug(slug, deleted, reach), "slug", slug);
    }

    @GetMapping("/by-domain/{domain}")
    @Operation(summary = "One tenant by primary domain",
            description = "The domain matches case-insensitively. " + ApiExamples.VISIBILITY)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantAnswer.class),
            examples = @ExampleObject(value = ApiExamples.SHOWN)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    CompletableFuture<TenantAnswer> byDomain(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(example = "acme.example.com") @PathVariable String domain,
            @Parameter(example = "false") @RequestParam(name = "include_deleted", required = false) String includeDeleted,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        Reach reach = Reach.of(caller);
        return one(reach, includeDeleted, minVersion, deleted -> queries.byDomain(domain, deleted, reach), "domain",
                domain);
    }

    private CompletableFuture<TenantAnswer> one(Reach reach, String includeDeleted, List<String> minVersion,
                               Function<Boolean, Optional<TenantView>> lookup,
                               String what, String value) {
        QueryParameters parameters = new QueryParameters();
        boolean deleted = parameters.includeDeleted(includeDeleted);
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();

        return readYourWrites.then(WITH_RELATIONS, reach, tokens, () -> lookup.apply(deleted)
                .map(tenant -> new TenantAnswer(LOADED, TenantRepresentations.shown(tenant,
                        ledger.countsFor(List.of(tenant.id())).getOrDefault(tenant.id(), ResourceCounts.NONE),
                        ledger.resourcesOf(tenant.id()), domains.domainsOf(tenant.id()), clock.instant())))
                .orElseThrow(() -> new TenantNotFoundException(what, value)));
    }

    /** The texts a list or count matches: search over several fields, and seed 001's two filters. */
    record Texts(String search, String name, String description) {
    }

    private static TenantFilter filter(QueryParameters parameters, Texts texts, String status, String partnerId,
                                       String countryCode, String includeDeleted) {
        return new TenantFilter(parameters.text("search", texts.search()), parameters.text("name", texts.name()),
                parameters.text("description", texts.description()), parameters.status(status),
                parameters.partnerId(partnerId), parameters.countryCode(countryCode),
                parameters.includeDeleted(includeDeleted));
    }
}
