package org.tenantregistry.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;

/**
 * Seed 004's paths answer errors as FastAPI does (see {@code FastApiErrorsFilter}), so their document says so: a 422
 * is an {@code HTTPValidationError}, any other error {@code {"detail": "..."}}, both as {@code application/json}.
 * Applied after a side has described its problems, to the paths under the prefix only.
 */
public final class FastApiErrorsDocumentation {

    private static final String VALIDATION_ERROR = "HTTPValidationError";
    private static final String ERROR = "FastApiError";
    private static final String REF = "#/components/schemas/";

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
                        String schema = status.equals("422") ? VALIDATION_ERROR : ERROR;
                        response.setContent(new Content().addMediaType("application/json",
                                new MediaType().schema(new Schema<>().$ref(REF + schema))));
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
