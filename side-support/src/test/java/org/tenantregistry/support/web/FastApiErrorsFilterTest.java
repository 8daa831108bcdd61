package org.tenantregistry.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FastApiErrorsFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INVALID = """
            {"type": "urn:tenant-registry:problem:invalid-fields", "title": "Invalid fields", "status": 422,
             "detail": "2 fields are invalid", "message": "The given data was invalid.",
             "errors": {"name": ["The name field is required."],
                        "settings.mfa_methods": ["The settings.mfa methods field must be a subset of totp, sms."]}}""";

    @Test
    void aWritesFieldErrorsBecomeAnHttpValidationErrorOnTheBody() throws Exception {
        MockHttpServletResponse response = filter("POST", "/api/v1/admin/tenants/", 422, INVALID);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode detail = JSON.readTree(response.getContentAsByteArray()).path("detail");
        assertThat(detail.size()).isEqualTo(2);
        assertThat(detail.get(0).path("loc").toString()).isEqualTo("[\"body\",\"name\"]");
        assertThat(detail.get(0).path("msg").asString()).isEqualTo("The name field is required.");
        assertThat(detail.get(0).path("type").asString()).isEqualTo("missing");
        assertThat(detail.get(1).path("loc").toString()).isEqualTo("[\"body\",\"settings\",\"mfa_methods\"]");
        assertThat(detail.get(1).path("type").asString()).isEqualTo("value_error");
    }

    @Test
    void aReadsParameterErrorsAreLocatedInTheQuery() throws Exception {
        MockHttpServletResponse response = filter("GET", "/api/v1/admin/tenants", 422, """
                {"status": 422, "errors": {"per_page": ["The per page field must not be greater than 100."]}}""");

        JsonNode detail = JSON.readTree(response.getContentAsByteArray()).path("detail");
        assertThat(detail.get(0).path("loc").toString()).isEqualTo("[\"query\",\"per_page\"]");
    }

    @Test
    void anyOtherProblemBecomesADetailStringWithItsStatus() throws Exception {
        MockHttpServletResponse response = filter("GET", "/api/v1/admin/tenants/42", 404, """
                {"status": 404, "title": "Not Found", "detail": "No tenant 42"}""");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(JSON.readTree(response.getContentAsByteArray()).path("detail").asString()).isEqualTo("No tenant 42");
    }

    @Test
    void answersThatAreNoProblemAndOtherPathsPassUnchanged() throws Exception {
        MockHttpServletResponse created = filter("POST", "/api/v1/admin/tenants/", 201, "{\"data\": {}}",
                MediaType.APPLICATION_JSON_VALUE);
        MockHttpServletResponse elsewhere = filter("POST", "/api/tenants", 422, INVALID);

        assertThat(created.getContentAsString()).isEqualTo("{\"data\": {}}");
        assertThat(elsewhere.getContentAsString()).isEqualTo(INVALID);
        assertThat(elsewhere.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private static MockHttpServletResponse filter(String method, String path, int status, String body)
            throws Exception {
        return filter(method, path, status, body, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private static MockHttpServletResponse filter(String method, String path, int status, String body,
                                                  String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet answering = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(status);
                resp.setContentType(contentType);
                resp.getWriter().write(body);
            }
        };
        new FastApiErrorsFilter().doFilter(request, response, new MockFilterChain(answering));
        return response;
    }
}
