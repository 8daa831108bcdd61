package org.tenantregistry.query.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;

/** Requests against the query API, answered as status, headers and parsed JSON. */
public class Api {

    private final MockMvcTester mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    public Api(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public Response get(String uri) {
        return response(mvc.get().uri(uri).exchange());
    }

    /** A POST with a JSON body, or none when it is null. */
    public Response post(String uri, String json) {
        var request = mvc.post().uri(uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return response(request.exchange());
    }

    private Response response(MvcTestResult result) {
        try {
            String text = result.getResponse().getContentAsString();
            String contentType = result.getResponse().getContentType();
            boolean isJson = contentType != null && contentType.contains("json") && !text.isEmpty();
            return new Response(result.getResponse().getStatus(), contentType,
                    result.getResponse().getHeader("Retry-After"), isJson ? json.readTree(text) : null, text);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String retryAfter, JsonNode body, String text) {
    }
}
