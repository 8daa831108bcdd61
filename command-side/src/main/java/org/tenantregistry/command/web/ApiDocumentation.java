package org.tenantregistry.command.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.support.openapi.AnyJsonValue;
import org.tenantregistry.support.openapi.FastApiErrorsDocumentation;
import org.tenantregistry.support.openapi.RecordNullability;
import org.tenantregistry.support.openapi.SecuritySchemesDocumentation;
import org.tenantregistry.support.web.FastApiErrorsFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OpenAPI document. The headers every command reads and the problem details every command may answer with are
 * added here once, not repeated on each endpoint.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");
    /** The admin's login and logout: no tenant, no command headers. */
    private static final String ADMIN_SESSION = "/api/admin/";
    /** Operators' republishing: under /api/admin/ too, but no session endpoint; registry:admin, like the actuator. */
    private static final String ADMIN_API = "/api/admin/republish";
    private static final String NO_TOKEN = "No token, or one that is expired, not signed by the issuer or not for this "
            + "registry";
    /** Who the caller is: a read of the token, no tenant, no command headers. */
    private static final String ME = "/api/me";
    /** Seed 003's settings: a write on the caller's own tenant, which the token names. */
    private static final String SETTINGS = "/api/settings";
    /** The audit trail's paths (a tenant's history, the chain checkpoints): reads for audit:read. */
    private static final String AUDIT = "/api/audit/";
    private static final String HISTORY = "/history";
    /** The keys of the topic's sealed fields: reads for downstream services (tenants:read), not the audit's. */
    private static final String EVENT_KEYS = "/api/event-keys";

    @Bean
    OpenAPI commandSideOpenApi() {
        return new OpenAPI()
                .info(new Info().title("tenant-registry commands").version("1")
                        .description("""
                                Writes to the tenant registry. Every write answers with a message and the whole \
                                flat record it left, and with the tenant's new version in a strong ETag; send it \
                                back in If-Match to make a write conditional (412 when stale). A tenant id in a path \
                                is its UUID or its short number. Errors are RFC 9457 problem details with a message; \
                                invalid fields give 422 with an `errors` object holding, for every invalid field at \
                                once (e.g. `accent_color`), an array of sentences saying what is wrong. Reads are \
                                served by the query side."""));
    }

    /** Records' components are required, and nullable where they say so, as on the query side. */
    @Bean
    ModelConverter recordNullability() {
        return new RecordNullability();
    }

    /** A tenant's settings hold any JSON values, as on the query side. */
    @Bean
    ModelConverter anyJsonValue() {
        return new AnyJsonValue();
    }

    /**
     * The Problem schema is added here, with the responses that refer to it: springdoc drops a component schema of
     * the base document that nothing refers to before the customizers run.
     */
    @Bean
    OpenApiCustomizer commandHeadersAndProblems() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            SecuritySchemesDocumentation.describe(openApi, ApiDocumentation::isSession);
            openApi.getPaths().forEach((path, item) -> {
                if (isSession(path) || path.equals(ME)) {
                    item.readOperationsMap().values().forEach(ApiDocumentation::documentSession);
                    if (path.equals(ME)) {
                        item.readOperationsMap().values().forEach(operation -> operation.getResponses()
                                .putIfAbsent("401", problemResponse(401, NO_TOKEN)));
                    }
                } else if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
                }
            });
            FastApiErrorsDocumentation.describe(openApi, FastApiErrorsFilter.PREFIX);
        };
    }

    private static boolean isSession(String path) {
        return path.startsWith(ADMIN_SESSION) && !path.startsWith(ADMIN_API);
    }

    /**
     * The models name their JSON snake_case through Jackson 3's {@code @JsonNaming}, which swagger-core (Jackson 2)
     * does not read; the API speaks snake_case throughout, so the document is made to say so.
     */
    @Bean
    OpenApiCustomizer snakeCaseProperties() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::snakeCase);
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void snakeCase(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((name, property) -> renamed.put(snakeCase(name), property));
            schema.setProperties(renamed);
        }
        if (schema.getRequired() != null) {
            schema.setRequired(((List<String>) schema.getRequired()).stream()
                    .map(ApiDocumentation::snakeCase).toList());
        }
    }

    private static String snakeCase(String name) {
        return WORD_BOUNDARY.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The command side's reads are the audit's and the event keys: no command headers, none of the writes'
     * conflicts.
     */
    private static void documentRead(String path, Operation operation) {
        operation.addParametersItem(header("X-Request-Id", "correlation id echoed in the answer; generated when absent"));
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "A parameter that cannot be read (not a number, not an ISO-8601 instant), see errors");
        problems.put("401", NO_TOKEN);
        if (path.startsWith(EVENT_KEYS)) {
            problems.put("403", "The token lacks tenants:read, or it is bound to a partner or a tenant: the keys are "
                    + "for downstream services that read every tenant");
            if (path.contains("{id}")) {
                problems.put("404", "No such tenant, or none of its published events has a sealed field");
                problems.put("410", "The tenant was purged and its key destroyed: treat its sealed fields as null");
            }
        } else {
            problems.put("403", "The token lacks audit:read, or it is a client admin's (tenant_id); the events across "
                    + "tenants also refuse an MSP admin's (partner_id)");
            if (path.contains("{id}")) {
                problems.put("404", "No such tenant (also for another partner's tenant for an MSP admin's token), or "
                        + "none at the moment or version asked for");
            }
        }
        problems.put("422", "Parameters out of bounds or contradicting each other, see errors");
        problems.put("429", "More requests than the caller's rate limit allows; Retry-After says in how many "
                + "seconds to retry");
        problems.put("500", "Failed on the server's side; nothing about it is revealed, quote X-Request-Id");
        problems.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                problemResponse(Integer.parseInt(status), description)));
        operation.getResponses().get("429").addHeaderObject(HttpHeaders.RETRY_AFTER,
                new Header().description("seconds until the caller's requests are accepted again")
                        .schema(new IntegerSchema()));
        responseHeaders(operation);
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (method == PathItem.HttpMethod.GET && !path.startsWith(ADMIN_API)) {
            documentRead(path, operation);
            return;
        }
        operation.addParametersItem(header("X-Request-Id",
                "correlation id stored on every event and echoed in the answer; generated when absent"));
        boolean read = method == PathItem.HttpMethod.GET;
        if (!read) {
            operation.addParametersItem(header("X-Change-Reason", "why, stored on every event"));
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(header("Idempotency-Key",
                    "makes a retry safe: the same key with the same body answers as the first request did, for 24 h; "
                            + "the same key with another body gives 422, while the first still runs 409"));
        }
        boolean onTenant = path.contains("{id}") || path.equals(SETTINGS);
        boolean hasBody = operation.getRequestBody() != null;
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Malformed JSON, a body that is not a JSON object, or an unusable header");
        problems.put("401", NO_TOKEN);
        boolean audit = path.startsWith(AUDIT) || path.contains(HISTORY);
        problems.put("403", path.equals(SETTINGS)
                ? "The token has no tenant_id (or no settings.manage): only a client admin changes its own tenant's "
                + "settings here"
                : audit ? "The token lacks audit:read, or it is bound to a partner or a tenant: the audit trail is "
                + "for auditors of the whole registry"
                : path.startsWith(ADMIN_API) ? "Not an operator's token (registry:admin, bound to no partner or tenant)"
                : "The token lacks the scope this needs (tenants:write; a purge: tenants:purge), or it is a client "
                + "admin's (tenant_id): those change their own tenant's settings only");
        if (path.startsWith(AUDIT) && path.contains("{checkpoint}")) {
            problems.put("404", "No such checkpoint");
        }
        if (path.startsWith(ADMIN_API)) {
            problems.put("404", "No tenant with that id has stored events to republish");
        }
        if (onTenant) {
            problems.put("404", "No such tenant (also for an id that is not a UUID, a purged tenant, or another "
                    + "partner's tenant for an MSP admin's token)");
        }
        if (!read) {
            problems.put("409", onTenant
                    ? "Slug or domain taken, a transition the tenant's status does not allow, or a concurrent change"
                    : path.startsWith(ADMIN_API) ? "A job runs already, or a request with the same Idempotency-Key "
                    + "still running"
                    : "Slug or domain taken, or a request with the same Idempotency-Key still running");
        }
        if (onTenant && !read) {
            problems.put("412", "If-Match names a version that is no longer current; nothing was changed");
        }
        if (hasBody) {
            problems.put("413", "Body larger than 1 MB");
            problems.put("415", "Body is not JSON");
        }
        problems.put("422", "Invalid fields, see errors");
        problems.put("429", "More requests than the caller's rate limit allows (60 a minute unless configured); "
                + "Retry-After says in how many seconds to retry");
        problems.put("500", "Failed on the server's side; nothing about it is revealed, quote X-Request-Id");
        problems.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                problemResponse(Integer.parseInt(status), description)));
        if (onTenant && !read) {
            // On a tenant, a 409 is as often a lifecycle rule as a taken slug: show both.
            operation.getResponses().get("409").getContent().get(PROBLEM_JSON)
                    .addExamples("illegal-transition", new Example().value(illegalTransitionProblem()));
        }
        operation.getResponses().get("429").addHeaderObject(HttpHeaders.RETRY_AFTER,
                new Header().description("seconds until the caller's requests are accepted again")
                        .schema(new IntegerSchema()));
        responseHeaders(operation);
    }

    private static void responseHeaders(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            response.addHeaderObject("X-Request-Id",
                    new Header().description("the request's correlation id").schema(new StringSchema()));
            response.addHeaderObject("RateLimit-Policy", new Header().schema(new StringSchema())
                    .description("the caller's limit in the endpoint group, e.g. \"writes\";q=60;w=60 (IETF "
                            + "draft-ietf-httpapi-ratelimit-headers); absent when rate limits are off"));
            response.addHeaderObject("RateLimit", new Header().schema(new StringSchema())
                    .description("what is left of it, e.g. \"writes\";r=59;t=60: requests left, seconds until the "
                            + "whole limit is back; absent when rate limits are off"));
            // An OpenAPI header needs a schema; the endpoints' @Header annotations (ETag, Location) name none.
            response.getHeaders().values().stream()
                    .filter(header -> header.getSchema() == null && header.getContent() == null)
                    .forEach(header -> header.schema(new StringSchema()));
        });
    }

    private static void documentSession(Operation operation) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (operation.getRequestBody() != null) {
            problems.put("400", "Malformed JSON, or a body that is not a JSON object");
            problems.put("401", "Unknown user or wrong password (the same answer for both)");
            problems.put("415", "Body is neither JSON nor a form");
            problems.put("422", "Username or password missing, see errors");
        }
        problems.put("500", "Failed on the server's side; nothing about it is revealed, quote X-Request-Id");
        problems.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                problemResponse(Integer.parseInt(status), description)));
    }

    private static HeaderParameter header(String name, String description) {
        HeaderParameter parameter = new HeaderParameter();
        parameter.name(name).description(description).required(false).schema(new StringSchema());
        return parameter;
    }

    private static ApiResponse problemResponse(int status, String description) {
        Example example = new Example().value(exampleProblem(status));
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(Components.COMPONENTS_SCHEMAS_REF + PROBLEM))
                        .addExamples(String.valueOf(status), example)));
    }

    private static Map<String, Object> exampleProblem(int status) {
        Map<String, Object> problem = new LinkedHashMap<>();
        switch (status) {
            case 400 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "malformed-body",
                    "title", "Malformed request body", "detail", "The body must be a JSON object."));
            case 401 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "invalid-credentials",
                    "title", "Invalid credentials", "detail", "The username or password is wrong."));
            case 403 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "tenant-bound-token-required",
                    "title", "Forbidden", "detail", "PUT /api/settings changes the settings of the token's own "
                            + "tenant, and this token has no tenant_id claim."));
            case 404 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "tenant-not-found",
                    "title", "Tenant not found", "detail", "There is no tenant 6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20."));
            case 409 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "identifier-taken",
                    "title", "Identifier taken", "detail",
                    "slug 'acme' is taken by another tenant or still quarantined after its release",
                    "errors", Map.of("slug", List.of("The slug field has already been taken (by another tenant, or it "
                            + "is still quarantined)."))));
            case 412 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "stale-version",
                    "title", "Stale version", "detail", "the tenant is at version 5, not 4; nothing was changed.",
                    "current_version", 5));
            case 413 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "body-too-large",
                    "title", "Request body too large", "detail", "the request body is larger than 1048576 bytes."));
            case 415 -> problem.putAll(Map.of("type", "about:blank", "title", "Unsupported Media Type",
                    "detail", "Content-Type 'text/plain' is not supported."));
            case 422 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "invalid-fields",
                    "title", "Invalid fields", "detail", "One or more fields are invalid; see errors.",
                    "message", "The given data was invalid.",
                    "errors", Map.of("name", List.of("The name field is required."),
                            "accent_color", List.of("The accent color field must be a colour as #RRGGBB."),
                            "max_extensions", List.of("The max extensions field must be an integer."))));
            case 429 -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "rate-limited",
                    "title", "Too Many Requests",
                    "detail", "More than 60 requests a minute to the writes endpoints; retry in 42 seconds.",
                    "retry_after", 42));
            default -> problem.putAll(Map.of("type", Problems.TYPE_PREFIX + "internal-error",
                    "title", "Internal error",
                    "detail", "The request failed on the server's side. Quote the X-Request-Id when you report it."));
        }
        problem.put("status", status);
        problem.put("instance", "/api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20");
        problem.put("request_id", "0b6e7c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e");
        return problem;
    }

    private static Map<String, Object> illegalTransitionProblem() {
        Map<String, Object> problem = new LinkedHashMap<>(Map.of(
                "type", Problems.TYPE_PREFIX + "illegal-transition",
                "title", "Not allowed in the tenant's status",
                "detail", "cannot suspend a tenant that is deleted",
                "current_status", "deleted"));
        problem.put("status", 409);
        problem.put("instance", "/api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20/suspend");
        problem.put("request_id", "0b6e7c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e");
        return problem;
    }

    /** RFC 9457's members, and the extensions {@link ProblemDetailsAdvice} adds to some problems. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("the kind of problem, for people"))
                .addProperty("status", new IntegerSchema().description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("what went wrong and what to do"))
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("request_id", new StringSchema().description("the X-Request-Id of the request"))
                .addProperty("message", new StringSchema()
                        .description("for Laravel-style clients: \"The given data was invalid.\" on a 422, else the detail"))
                .addProperty("errors", new ObjectSchema()
                        .description("field (JSON path) -> the sentences saying what is wrong with it, every field at once")
                        .additionalProperties(new ArraySchema().items(new StringSchema())))
                .addProperty("current_version", new IntegerSchema().format("int64")
                        .description("412: the tenant's current version, for the next If-Match"))
                .addProperty("current_status", new StringSchema()
                        .description("409 of a lifecycle rule: the tenant's status"))
                .addProperty("header", new StringSchema().description("400 of an unusable header: its name"))
                .addProperty("retry_after", new IntegerSchema()
                        .description("429: seconds until the caller's requests are accepted again (as Retry-After)"))
                // RFC 9457 lets a problem carry further members; clients ignore the ones they do not know.
                .additionalProperties(true)
                .required(List.of("type", "title", "status"));
    }
}
