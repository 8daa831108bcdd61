package org.tenantregistry.query.config;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.tenantregistry.support.openapi.AnyJsonValue;
import org.tenantregistry.support.openapi.FastApiErrorsDocumentation;
import org.tenantregistry.support.openapi.SecuritySchemesDocumentation;
import org.tenantregistry.support.openapi.RecordNullability;
import org.tenantregistry.support.web.FastApiErrorsFilter;

import java.util.List;

/** The API description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI tenantRegistryQueryApi() {
        return new OpenAPI().info(new Info()
                .title("tenant-registry query API")
                .version("v1")
                .description("""
                        Reads of the tenant registry: lists, counts, lookups and the MSP dashboard, served from read \
                        models that follow the tenant events. Every endpoint accepts `min_version=<tenant id>:<version>` \
                        (repeatable or comma-separated) to wait until the read model shows at least that version of \
                        the tenant; the version is the one a write on the command side answered with. Errors are RFC \
                        9457 problem details."""));
    }

    @Bean
    ModelConverter recordNullability() {
        return new RecordNullability();
    }

    @Bean
    ModelConverter anyJsonValue() {
        return new AnyJsonValue();
    }

    /**
     * Every problem answer refers to one Problem schema, every operation may answer 400, 429 and 500, and every answer
     * carries the rate limit headers. The schema is added here, with the references to it: springdoc drops a component
     * schema that nothing refers to before the customizers run.
     */
    @Bean
    OpenApiCustomizer problemDetails() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            SecuritySchemesDocumentation.describe(openApi, OpenApiConfig::isPublic);
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    if (!isPublic(path)) {
                        item.readOperations().forEach(OpenApiConfig::needsAToken);
                    }
                    item.readOperations().forEach(OpenApiConfig::referToProblem);
                }
            });
            FastApiErrorsDocumentation.describe(openApi, FastApiErrorsFilter.PREFIX);
        };
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/api/public/");
    }

    private static void needsAToken(Operation operation) {
        operation.getResponses().putIfAbsent("401", new ApiResponse()
                .description("No token, or one that is expired, not signed by the issuer or not for this registry"));
        operation.getResponses().putIfAbsent("403", new ApiResponse()
                .description("The token lacks the scope this needs (tenants:read; under /api/admin: registry:admin)"));
    }

    private static void referToProblem(Operation operation) {
        // Any request can be refused unread: a path not in canonical form, a parameter that cannot be decoded.
        operation.getResponses().putIfAbsent("400", new ApiResponse()
                .description("The request could not be read: its path, a parameter or its body")
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType())));
        operation.getResponses().putIfAbsent("429", new ApiResponse()
                .description("More requests than the caller's rate limit allows (60 a minute unless configured); "
                        + "Retry-After says in how many seconds to retry")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().schema(new IntegerSchema())
                        .description("seconds until the caller's requests are accepted again"))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType())));
        operation.getResponses().putIfAbsent("500", new ApiResponse()
                .description("Failed on the server's side; it has been logged")
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType())));
        // An error is answered as a problem whatever the operation produces otherwise; springdoc gives an error
        // response declared without content the operation's own media type and schema.
        operation.getResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d")) {
                MediaType problem = response.getContent() == null ? null : response.getContent().get(PROBLEM_JSON);
                response.setContent(new Content()
                        .addMediaType(PROBLEM_JSON, problem == null ? new MediaType() : problem));
            }
        });
        operation.getResponses().values().forEach(response -> response
                .addHeaderObject("RateLimit-Policy", new Header().schema(new StringSchema())
                        .description("the caller's limit in the endpoint group, e.g. \"reads\";q=60;w=60 (IETF "
                                + "draft-ietf-httpapi-ratelimit-headers); absent when rate limits are off"))
                .addHeaderObject("RateLimit", new Header().schema(new StringSchema())
                        .description("what is left of it, e.g. \"reads\";r=59;t=60: requests left, seconds until "
                                + "the whole limit is back; absent when rate limits are off")));
        operation.getResponses().values().stream()
                .map(response -> response.getContent() == null ? null : response.getContent().get(PROBLEM_JSON))
                .filter(media -> media != null && media.getSchema() == null)
                .forEach(media -> media.schema(new Schema<>().$ref(Components.COMPONENTS_SCHEMAS_REF + PROBLEM)));
    }

    /** RFC 9457's members, and the extensions the query side's problem details add to some problems. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("the kind of problem, for people"))
                .addProperty("status", new IntegerSchema().description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("what went wrong and what to do"))
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("message", new StringSchema()
                        .description("for Laravel-style clients: \"The given data was invalid.\" on a 422, else the detail"))
                .addProperty("errors", new ObjectSchema()
                        .description("parameter -> the sentences saying what is wrong with it, every parameter at once")
                        .additionalProperties(new ArraySchema().items(new StringSchema())))
                .addProperty("pending", new ArraySchema().items(new StringSchema())
                        .description("503: the min_version tokens not reached yet, as <tenant id>:<version>"))
                .addProperty("retry_after", new IntegerSchema()
                        .description("429: seconds until the caller's requests are accepted again (as Retry-After)"))
                // RFC 9457 lets a problem carry further members; clients ignore the ones they do not know.
                .additionalProperties(true)
                .required(List.of("type", "title", "status"));
    }
}
