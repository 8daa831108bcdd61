package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of tenants, shaped like a Laravel length-aware paginator. */
@Schema(name = "TenantPage")
record TenantPageResponse(List<TenantResponse> data, Links links, Meta meta) {

    /** Absolute URLs with the request's query parameters; prev and next are null at the ends. */
    @Schema(name = "PageLinks")
    record Links(String first, String last, @Nullable String prev, @Nullable String next) {
    }

    /** @param from 1-based position of the first tenant on the page; null, like to, for an empty page */
    @Schema(name = "PageMeta")
    record Meta(
            @JsonProperty("current_page") int currentPage,
            @Nullable Long from,
            @Nullable Long to,
            @JsonProperty("per_page") int perPage,
            long total,
            @JsonProperty("last_page") long lastPage,
            String path) {
    }
}
