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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.domain.DomainLedger;
import org.tenantregistry.query.domain.DomainProjection;
import org.tenantregistry.query.statistics.MspDashboardQueries;
import org.tenantregistry.query.statistics.MspDashboardQuery;
import org.tenantregistry.query.statistics.MspStatisticsProjection;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.support.security.Caller;

import java.util.List;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dashboard", description = "Statistics for MSP admins")
class DashboardController {

    /**
     * The domain counts take the partner and the soft deletion from the tenant projection, but do not wait for it:
     * the dashboard must answer while the tenant projection holds a tenant back (a dead letter in a name, say), and
     * what it could lag behind in is only which partner a domain counts for.
     */
    private static final List<String> PROJECTIONS = List.of(MspStatisticsProjection.NAME, DomainProjection.NAME);

    private final MspDashboardQueries queries;
    private final DomainLedger domains;
    private final ReadYourWrites readYourWrites;

    DashboardController(MspDashboardQueries queries, DomainLedger domains, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.domains = domains;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/msp")
    @Operation(summary = "MSP dashboard", description = """
            Tenants by status, partner and country, tenants created per day over the last 30 days, and the extension \
            quota, and the custom domains by state (pending, verified, expired), for one partner or all. The tenant \
            figures are kept up to date by a statistics projection, nothing of them is counted on read; the domains \
            (a few per tenant) are counted on read, since a pending one expires with time, not with an event. \
            An MSP admin (a token with a partner_id claim) sees its own partner's figures only: without partner_id \
            or with its own; another partner's is 404, whether that partner has tenants or not. A client admin \
            (tenant_id claim) has no dashboard (403).""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MspDashboardResponse.class),
            examples = @ExampleObject(value = ApiExamples.DASHBOARD)))
    @ApiResponse(responseCode = "400", description = "min_version could not be read",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.MALFORMED_PARAMETERS)))
    @ApiResponse(responseCode = "404", description = "An MSP admin asked for another partner's figures",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.PARTNER_NOT_FOUND)))
    @ApiResponse(responseCode = "503", description = "min_version not reached within the wait bound; see Retry-After",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.NOT_CAUGHT_UP)))
    CompletableFuture<MspDashboardResponse> msp(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Only this partner's tenants", example = "partner-17")
            @RequestParam(name = "partner_id", required = false) String partnerId,
            @Parameter(description = ApiExamples.MIN_VERSION, example = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20:3")
            @RequestParam(name = "min_version", required = false) List<String> minVersion) {
        QueryParameters parameters = new QueryParameters();
        String asked = parameters.partnerId(partnerId);
        List<VersionToken> tokens = parameters.minVersion(minVersion);
        parameters.verify();
        String partner = partnerShown(caller, asked);

        return readYourWrites.then(PROJECTIONS, Reach.of(caller), tokens,
                () -> MspDashboardResponse.of(queries.dashboard(new MspDashboardQuery(partner)),
                        domains.countsByState(partner)));
    }

    /**
     * Whose figures the caller gets: the one asked for (or all), but an MSP admin's are always its own partner's. Its
     * asking for another partner's is answered as for a partner nobody knows, so the answer tells nothing about it.
     */
    private static String partnerShown(Caller caller, String asked) {
        if (caller.partnerId() == null) {
            return asked;
        }
        if (asked != null && !asked.equals(caller.partnerId())) {
            throw new PartnerNotFoundException(asked);
        }
        return caller.partnerId();
    }
}
