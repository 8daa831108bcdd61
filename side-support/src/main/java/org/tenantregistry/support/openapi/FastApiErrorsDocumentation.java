package org.tenantregistry.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 004's paths answer errors as FastAPI does (see {@code FastApiErrorsFilter}), so their document says so: a 422
 * is an {@code HTTPValidationError}, any other error {@code {"detail": "..."}}, both as {@code application/json}.
 * Applied after a side has described its problems, to the paths under the prefix only.
 */
public final class FastApiErrorsDocumentation {

    private static final String VALIDATION_ERROR = "HTTPValidationError";
    private static final String ERROR = "FastApiError";
    private static final String REF = "#/components/schemas/";
    private static final Map<String, Object> INVALID_EXAMPLE = Map.of("detail", List.of(Map.of(
            "loc", List.of("body", "name"), "msg", "The name field is required.", "type", "missing")));

    private FastApiErrorsDocumentation() {
    }

    public static void describe(OpenAPI openApi, String prefix) {
        openApi.getComponents().addSchemas(VALIDATION_ERROR, validationError());
        openApi.getComponents().addSchemas(ERROR, new ObjectSchema()
                .addProperty("detail", new StringSchema().description("what went wrong"))
                .required(List.of("detail")));
        openApi.getPaths().forEach((path, item) -> {
            if ((path + "/").startsWith(prefix)) {
                item.readOperations().forEach(operation -> operation.getResponses().forEach((status, response) -> {
                    if (status.matches("[45]\\d\\d")) {
                        boolean invalid = status.equals("422");
                        response.setContent(new Content().addMediaType("application/json", new MediaType()
                                .schema(new Schema<>().$ref(REF + (invalid ? VALIDATION_ERROR : ERROR)))
                                .example(invalid ? INVALID_EXAMPLE : Map.of("detail", Objects.requireNonNullElse(
                                        response.getDescription(), "The request could not be served.")))));
                    }
                }));
            }
        });
    }

    private static Schema<?> validationError() {
        Schema<?> error = new ObjectSchema()
                .addProperty("loc", new ArraySchema().items(new StringSchema())
                        .description("where: body or query, then the field"))
                .addProperty("msg", new StringSchema())
                .addProperty("type", new StringSchema().description("missing, extra_forbidden or value_error"))
                .required(List.of("loc", "msg", "type"));
        return new ObjectSchema().addProperty("detail", new ArraySchema().items(error)).required(List.of("detail"));
    }
}
