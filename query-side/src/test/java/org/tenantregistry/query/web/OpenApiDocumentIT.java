package org.tenantregistry.query.web;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.support.web.GeneratedJavaClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the running query side serves is one that tools can use as it is. */
class OpenApiDocumentIT extends DatabaseIntegrationTest {

    private Api.Response document() {
        Api.Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs;
    }

    @Test
    void theConsolesPagesAreNoPartOfTheApi() {
        assertThat(document().body().path("paths").propertyNames())
                .isNotEmpty().noneMatch(path -> path.startsWith("/console"));
    }

    @Test
    void theDocumentParsesWithoutASingleMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult parsed = new OpenAPIParser().readContents(document().text(), null, options);

        assertThat(parsed.getMessages()).as("unresolved references and invalid parts").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0");
    }

    @Test
    void aJavaClientGeneratedFromTheDocumentCompiles(@TempDir Path folder) throws Exception {
        assertThat(GeneratedJavaClient.compileErrors(document().text(), folder)).isEmpty();
    }

    @Test
    void fieldsThatCanBeNullAreNullableAndEveryFieldIsAlwaysSent() {
        JsonNode schemas = document().body().path("components").path("schemas");
        Map<String, List<String>> nullable = new HashMap<>(Map.of(
                "Tenant", List.of("number", "domain", "suspension_reason", "partner_id", "deleted_at", "logo_url",
                        "accent_color", "currency", "description", "address", "city", "post_code", "country_code",
                        "country_name"),
                "PageLinks", List.of("last", "prev", "next"),
                "PageMeta", List.of("from", "to", "last_page"),
                "MspDashboard", List.of("partner_id"),
                "PartnerCount", List.of("partner_id"),
                "CountryCount", List.of("country_code", "country_name"),
                "DayCount", List.of(),
                "TenantPage", List.of()));
        nullable.putAll(Map.of(
                "CustomDomain", List.of("next_step", "last_check", "verified_at"),
                "DnsCheck", List.of(),
                "DnsRecord", List.of(),
                "Branding", List.of("logo_url", "accent_color"),
                "DomainsByState", List.of()));

        nullable.forEach((name, fields) -> {
            JsonNode schema = schemas.path(name);
            assertThat(schema.isMissingNode()).as(name + " documented").isFalse();
            List<String> properties = new ArrayList<>(schema.path("properties").propertyNames());
            if (name.equals("Tenant")) {
                // a single tenant's relations are left out of lists rather than sent as null
                properties.removeAll(List.of("extensions", "dids", "queues", "rates", "domains"));
            }
            assertThat(schema.path("required").valueStream().map(JsonNode::asString)).as(name + " required")
                    .containsExactlyInAnyOrderElementsOf(properties);
            assertThat(properties.stream().filter(property ->
                    schema.path("properties").path(property).path("nullable").asBoolean(false)))
                    .as(name + " nullable").containsExactlyInAnyOrderElementsOf(fields);
        });
    }

    @Test
    void aTenantsSettingsHoldAnyJsonValue() {
        JsonNode settings = document().body().path("components").path("schemas").path("Tenant").path("properties")
                .path("settings");

        assertThat(settings.path("type").asString()).isEqualTo("object");
        assertThat(settings.path("additionalProperties").path("type").isMissingNode())
                .as("values of any type, not only objects: %s", settings).isTrue();
    }

    @Test
    void everyErrorAnswerIsDocumentedAsAProblemWithTheProblemSchema() {
        JsonNode docs = document().body();
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors", "pending");

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
                                .as(where).isEqualTo("#/components/schemas/Problem");
                        problems.add(where);
                    }
                }
            }
        }
        assertThat(problems).contains("get /api/tenants 422", "get /api/tenants/{id} 404",
                "get /api/dashboard/msp 503", "get /api/tenants/count 500");
    }
}
