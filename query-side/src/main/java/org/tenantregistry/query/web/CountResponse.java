package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.tenant.Total;

/**
 * @param countRelation "gte" when a search matched more tenants than it counts exactly: count is then a lower bound
 */
@Schema(name = "TenantCount")
record CountResponse(
        @Schema(example = "Tenants counted successfully.") String message,
        @Schema(description = "Exact when count_relation is eq; a lower bound when it is gte") long count,
        @Schema(description = "eq: count is exact; gte: a search matched more tenants than it counts exactly "
                + "(tenant-registry.query.web.search-total-cap, 1000), count is a lower bound",
                allowableValues = {"eq", "gte"})
        @JsonProperty("count_relation") String countRelation) {

    static CountResponse of(Total total) {
        return new CountResponse("Tenants counted successfully.", total.value(), total.exact() ? "eq" : "gte");
    }
}
