package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** One page of tenants, shaped like a Laravel length-aware paginator. */
@Schema(name = "TenantPage")
record TenantPageResponse(List<TenantResponse> data, Links links, Meta meta) {

    /** Absolute URLs with the request's query parameters; prev and next are null at the ends. */
    @Schema(name = "PageLinks")
    record Links(String first, String last, String prev, String next) {
    }

    /** @param from 1-based position of the first tenant on the page; null, like to, for an empty page */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "PageMeta")
    record Meta(int currentPage, Long from, Long to, int perPage, long total, long lastPage, String path) {
    }
}
