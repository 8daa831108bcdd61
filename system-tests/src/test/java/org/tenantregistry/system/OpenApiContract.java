package org.tenantregistry.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * A side's OpenAPI document, as the running side serves it, held against that side's answers: an answer whose status
 * the document does not list for the operation, or whose body does not match the documented schema, fails the test
 * with the validator's messages.
 */
final class OpenApiContract {

    private final OpenApiInteractionValidator validator;

    OpenApiContract(String document) {
        // The validator reads OpenAPI 3.0 only: it finds nothing wrong with any answer against a 3.1 document.
        String version = JsonMapper.builder().build().readTree(document).path("openapi").asString("");
        if (!version.startsWith("3.0.")) {
            throw new IllegalStateException("OpenAPI '" + version + "' is not 3.0, which is all the validator checks");
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    void check(HttpResponse<String> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + response.request().uri() + " answered " + response.statusCode()
                    + " against its OpenAPI document:\n" + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nbody: " + response.body());
        }
    }
}
