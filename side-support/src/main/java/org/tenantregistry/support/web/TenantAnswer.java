package org.tenantregistry.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One tenant in an answer, as seed 000's clients read every answer: a {@code message} beside the {@code data}.
 *
 * @param isTrashed seed 001's deactivate and activate answer it at the top level; absent elsewhere
 */
@Schema(name = "TenantAnswer")
public record TenantAnswer(
        @Schema(example = "Tenant loaded successfully.") String message,
        TenantRepresentation data,
        @JsonProperty("is_trashed") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean isTrashed) {

    public TenantAnswer(String message, TenantRepresentation data) {
        this(message, data, null);
    }
}
