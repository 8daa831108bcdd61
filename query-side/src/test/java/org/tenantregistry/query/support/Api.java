package org.tenantregistry.query.support;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;

/** GET requests against the query API, answered as status, headers and parsed JSON. */
public class Api {

    private final MockMvcTester mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    public Api(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public Response get(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        try {
            String body = result.getResponse().getContentAsString();
            return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(),
                    result.getResponse().getHeader("Retry-After"), body.isEmpty() ? null : json.readTree(body));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String retryAfter, JsonNode body) {
    }
}
