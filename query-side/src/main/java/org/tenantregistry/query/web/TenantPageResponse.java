package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tenantregistry.support.web.TenantRepresentation;

import java.util.List;

/** One page of tenants, shaped like a Laravel length-aware paginator. */
@Schema(name = "TenantPage")
record TenantPageResponse(
        @Schema(example = "Tenants fetched successfully.") String message,
        List<TenantRepresentation> data, Links links, Meta meta) {

    static final String FETCHED = "Tenants fetched successfully.";

    /**
     * Absolute URLs with the request's query parameters; prev and next are null at the ends. Next of a tenant list
     * carries a {@code cursor} as well as the page number; last is null when the total is only a lower bound or the
     * last page is beyond the deepest page number served (follow next instead).
     */
    @Schema(name = "PageLinks")
    record Links(
            String first,
            @Schema(description = "Null when meta.total is a lower bound or the last page is beyond the deepest "
                    + "page number served") @Nullable String last,
            @Nullable String prev,
            @Schema(description = "Carries a cursor after this page's last row, besides the page number")
            @Nullable String next) {
    }

    /**
     * @param from 1-based position of the first tenant on the page; null, like to, for an empty page
     * @param total         exact when totalRelation is "eq"; a lower bound when it is "gte"
     * @param totalRelation "gte" when a search matched more tenants than it counts exactly
     * @param lastPage      null when the total is a lower bound
     */
    @Schema(name = "PageMeta")
    record Meta(
            @JsonProperty("current_page") int currentPage,
            @Nullable Long from,
            @Nullable Long to,
            @JsonProperty("per_page") int perPage,
            @Schema(description = "Exact when total_relation is eq; when it is gte, a lower bound: a search counts "
                    + "its matches exactly up to a cap (tenant-registry.query.web.search-total-cap, 1000)")
            long total,
            @Schema(description = "eq: total is exact; gte: total is a lower bound", allowableValues = {"eq", "gte"})
            @JsonProperty("total_relation") String totalRelation,
            @Schema(description = "Null when total is a lower bound")
            @JsonProperty("last_page") @Nullable Long lastPage,
            String path) {
    }
}
