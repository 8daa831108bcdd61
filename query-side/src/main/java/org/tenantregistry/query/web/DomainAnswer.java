package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.support.web.DomainRepresentation;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** One custom domain, beside a message as every answer. */
@Schema(name = "CustomDomainAnswer")
record DomainAnswer(
        @Schema(requiredMode = REQUIRED, example = "Domain loaded successfully.") String message,
        @Schema(requiredMode = REQUIRED) DomainRepresentation data) {

    static DomainAnswer of(DomainRepresentation domain) {
        return new DomainAnswer("Domain loaded successfully.", domain);
    }
}
