package org.tenantregistry.query.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.query.domain.DomainLedger;
import org.tenantregistry.query.domain.DomainProjection;
import org.tenantregistry.query.domain.PublicBranding;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.resource.ResourceCounts;
import org.tenantregistry.query.resource.ResourceLedger;
import org.tenantregistry.query.resource.ResourceProjection;
import org.tenantregistry.query.tenant.FindTenants;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.query.tenant.TenantFilter;
import org.tenantregistry.query.tenant.TenantPage;
import org.tenantregistry.query.tenant.TenantProjection;
import org.tenantregistry.query.tenant.TenantQueries;
import org.tenantregistry.query.tenant.TenantSort;
import org.tenantregistry.query.tenant.TenantView;
import org.tenantregistry.support.web.InvalidParametersException;
import org.tenantregistry.query.web.QueryParameters;
import org.tenantregistry.query.web.QueryWebProperties;
import org.tenantregistry.query.web.ReadYourWrites;
import org.tenantregistry.query.web.TenantNotFoundException;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.security.ConsoleEntryPoint;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.web.DomainRepresentation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The console's read pages of tenants: the login page's redirect, the list with its search and filters, and one
 * tenant's page. They read what the API reads, through the same queries, and wait for a write the console just made
 * as the API does ({@code min_version}), so that the page after a change shows it.
 */
@Controller
@RequestMapping("/console")
class ConsoleTenantPages {

    static final int PER_PAGE = 20;
    /** A tenant's page shows its resources and custom domains too, so it waits for those projections as well. */
    private static final List<String> WITH_RELATIONS = List.of(TenantProjection.NAME, ResourceProjection.NAME,
            DomainProjection.NAME);
    private static final List<String> WITH_RESOURCES = List.of(TenantProjection.NAME, ResourceProjection.NAME);

    private final TenantQueries queries;
    private final ResourceLedger resources;
    private final DomainLedger domains;
    private final PublicBranding branding;
    private final ReadYourWrites readYourWrites;
    private final QueryWebProperties limits;
    private final Clock clock;

    ConsoleTenantPages(TenantQueries queries, ResourceLedger resources, DomainLedger domains, PublicBranding branding,
                       ReadYourWrites readYourWrites, QueryWebProperties limits, Clock clock) {
        this.queries = queries;
        this.resources = resources;
        this.domains = domains;
        this.branding = branding;
        this.readYourWrites = readYourWrites;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The login page, carrying the page to return to after the login ({@code next}, when it is one of the console's);
     * for a browser that is logged in already, that page or the tenants.
     */
    @GetMapping({"", "/"})
    ModelAndView login(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String next) {
        String returnTo = ConsoleEntryPoint.isReturnPath(next) ? next : null;
        if (caller != null) {
            return new ModelAndView("redirect:" + (returnTo == null ? "/console/tenants" : returnTo));
        }
        ModelAndView view = new ModelAndView("console/login");
        view.addObject("next", returnTo);
        return view;
    }

    /** What the list's filters were given, as the form shows them back. */
    record Filters(String search, String status, String partnerId, String countryCode, String sort) {
    }

    @GetMapping("/tenants")
    CompletableFuture<ModelAndView> tenants(@AuthenticationPrincipal Caller caller,
                                            @RequestParam(required = false) String search,
                                            @RequestParam(required = false) String status,
                                            @RequestParam(name = "partner_id", required = false) String partnerId,
                                            @RequestParam(name = "country_code", required = false) String countryCode,
                                            @RequestParam(required = false) String sort,
                                            @RequestParam(required = false) String page,
                                            @RequestParam(name = "min_version", required = false) List<String> minVersion,
                                            HttpServletRequest request) {
        Filters shown = new Filters(search, status, partnerId, countryCode, sort);
        ModelAndView view = new ModelAndView(isHtmx(request) ? "console/tenants :: results" : "console/tenants");
        view.addObject("caller", caller);
        view.addObject("filters", shown);
        view.addObject("statuses", Arrays.stream(TenantStatus.values()).map(TenantStatus::wireName).toList());
        view.addObject("sorts", Arrays.stream(TenantSort.values()).map(TenantSort::wireName).toList());

        // The API's own reading of the parameters: what it refuses, the console shows beside the filters.
        QueryParameters parameters = new QueryParameters();
        TenantFilter filter = new TenantFilter(parameters.text("search", search), null, null,
                parameters.status(status), parameters.partnerId(partnerId), parameters.countryCode(countryCode),
                "deleted".equals(status));
        TenantSort order = parameters.sort(sort);
        int pageNumber = parameters.page(page);
        parameters.offsetAtMost(pageNumber, PER_PAGE, limits.maxPageOffset());
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        try {
            parameters.verify();
        } catch (InvalidParametersException e) {
            view.addObject("errors", e.errors());
            view.addObject("tenants", List.of());
            return CompletableFuture.completedFuture(view);
        }
        Reach reach = Reach.of(caller);
        FindTenants query = new FindTenants(filter, order, pageNumber, PER_PAGE, null, limits.searchTotalCap(), reach);
        return readYourWrites.then(WITH_RESOURCES, reach, tokens, () -> {
            TenantPage found = queries.find(query);
            Map<UUID, ResourceCounts> counts = resources.countsFor(found.tenants().stream().map(TenantView::id).toList());
            view.addObject("tenants", found.tenants());
            view.addObject("counts", counts);
            view.addObject("total", found.total());
            view.addObject("page", pageNumber);
            view.addObject("previousPage", pageNumber > 1 ? pageLink(shown, pageNumber - 1) : null);
            view.addObject("nextPage", found.next() != null
                    && (long) pageNumber * PER_PAGE <= limits.maxPageOffset() ? pageLink(shown, pageNumber + 1) : null);
            return view;
        });
    }

    @GetMapping("/tenants/{id}")
    CompletableFuture<ModelAndView> tenant(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                           @RequestParam(name = "min_version", required = false) List<String> minVersion,
                                           @RequestParam(required = false) String done) {
        QueryParameters parameters = new QueryParameters();
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();
        Reach reach = Reach.of(caller);
        return readYourWrites.then(WITH_RELATIONS, reach, tokens, () -> {
            // Deleted tenants too: their page is where they are restored.
            TenantView tenant = queries.byId(id, true, reach)
                    .orElseThrow(() -> new TenantNotFoundException("id", id.toString()));
            Instant now = clock.instant();
            ModelAndView view = new ModelAndView("console/tenant");
            view.addObject("caller", caller);
            view.addObject("tenant", tenant);
            view.addObject("counts", resources.countsFor(List.of(id)).getOrDefault(id, ResourceCounts.NONE));
            view.addObject("resources", resources.resourcesOf(id));
            view.addObject("domains", domains.domainsOf(id).stream()
                    .map(domain -> DomainRepresentation.of(new DomainRepresentation.Facts(domain.id(),
                            domain.tenantId(), domain.domain(), domain.verified(), domain.primary(),
                            domain.verificationToken(), domain.tokenExpiresAt(),
                            tenant.slug() + "." + branding.baseDomain(), domain.lastCheck(),
                            domain.consecutiveFailures(), domain.lastCheckedAt(), domain.verifiedAt(),
                            domain.createdAt(), domain.updatedAt()), now))
                    .toList());
            view.addObject("notice", ConsoleNotices.of(done));
            view.addObject("writer", caller.has(Scopes.TENANTS_WRITE));
            view.addObject("auditor", caller.has(Scopes.AUDIT_READ));
            return view;
        });
    }

    private static String pageLink(Filters filters, int page) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("search", filters.search());
        values.put("status", filters.status());
        values.put("partner_id", filters.partnerId());
        values.put("country_code", filters.countryCode());
        values.put("sort", filters.sort());
        values.put("page", String.valueOf(page));
        StringBuilder link = new StringBuilder("/console/tenants");
        char separator = '?';
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getValue() != null && !value.getValue().isBlank()) {
                link.append(separator).append(value.getKey()).append('=')
                        .append(URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return link.toString();
    }

    /** A request htmx sent (search as you type): it swaps in the results only. */
    static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null;
    }
}
