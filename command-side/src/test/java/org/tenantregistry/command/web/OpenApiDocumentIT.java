package org.tenantregistry.command.web;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenantregistry.support.web.GeneratedJavaClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the running command side serves is one that tools can use as it is. */
class OpenApiDocumentIT extends WebIntegrationTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private String document() {
        Api.Answer docs = api.send("GET", "/v3/api-docs", (String) null);
        assertThat(docs.status()).isEqualTo(200);
        return docs.text();
    }

    @Test
    void theDocumentParsesWithoutASingleMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult parsed = new OpenAPIParser().readContents(document(), null, options);

        assertThat(parsed.getMessages()).as("unresolved references and invalid parts").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0");
    }

    @Test
    void aJavaClientGeneratedFromTheDocumentCompiles(@TempDir Path folder) throws Exception {
        assertThat(GeneratedJavaClient.compileErrors(document(), folder)).isEmpty();
    }

    @Test
    void everyErrorAnswerIsDocumentedAsAProblemWithTheProblemSchema() {
        JsonNode docs = Api.JSON.readTree(document());
        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors", "request_id");

        List<String> problems = new ArrayList<>();
        for (var path : docs.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (var response : operation.getValue().path("responses").properties()) {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        String where = operation.getKey() + " " + path.getKey() + " " + response.getKey();
                        JsonNode content = response.getValue().path("content");
                        if (path.getKey().startsWith("/api/v1/admin/")) {
                            // seed 004's clients read FastAPI's error bodies
                            assertThat(content.path("application/json").path("schema").path("$ref").asString(""))
                                    .as(where).isEqualTo(response.getKey().equals("422")
                                            ? "#/components/schemas/HTTPValidationError"
                                            : "#/components/schemas/FastApiError");
                            continue;
                        }
                        assertThat(content.propertyNames()).as(where).containsExactly("application/problem+json");
                        assertThat(content.path("application/problem+json").path("schema").path("$ref").asString(""))
                                .as(where).isEqualTo(PROBLEM_REF);
                        problems.add(where);
                    }
                }
            }
        }
        assertThat(problems).contains("post /api/tenants 422", "put /api/tenants/{id} 412");
    }

    @Test
    void theConsolesPagesAreNoPartOfTheApi() {
        assertThat(Api.JSON.readTree(document()).path("paths").propertyNames())
                .isNotEmpty().noneMatch(path -> path.startsWith("/console"));
    }

    @Test
    void theCallerComesFromTheTokenAndIsNoParameter() {
        JsonNode paths = Api.JSON.readTree(document()).path("paths");

        for (JsonNode operation : List.of(paths.path("/api/me").path("get"), paths.path("/api/settings").path("put"),
                paths.path("/api/tenants/{id}/switch").path("put"))) {
            assertThat(operation.isMissingNode()).isFalse();
            assertThat(operation.path("parameters").valueStream().map(parameter -> parameter.path("name").asString()))
                    .doesNotContain("caller");
        }
        assertThat(Api.JSON.readTree(document()).path("components").path("schemas").path("Caller")
                .path("properties").propertyNames())
                .contains("subject", "client_id", "scopes", "partner_id", "tenant_id", "current_tenant_id");
    }

    @Test
    void theAnswersToWritesNameEveryFieldAsAlwaysThereAndSayWhichMayBeNull() {
        JsonNode schemas = Api.JSON.readTree(document()).path("components").path("schemas");

        assertThat(schemas.path("TenantAnswer").path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("message", "data");
        JsonNode tenant = schemas.path("Tenant");
        assertThat(tenant.path("required").valueStream().map(JsonNode::asString))
                .contains("id", "number", "name", "slug", "status", "active", "is_trashed", "country_name",
                        "extensions_count", "version")
                .doesNotContain("extensions", "dids");
        assertThat(tenant.path("properties").path("number").path("nullable").asBoolean()).isTrue();
        assertThat(tenant.path("properties").path("name").path("nullable").asBoolean(false)).isFalse();
    }
}
