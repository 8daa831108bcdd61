package org.tenantregistry.query.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;

/**
 * Requests against the query API, answered as status, headers and parsed JSON; with the test admin's token unless
 * made with another one.
 */
public class Api {

    private final MockMvcTester mvc;
    private final String token;
    private final JsonMapper json = JsonMapper.builder().build();

    public Api(MockMvcTester mvc) {
        this(mvc, TestTokens.admin());
    }

    /** With this token; null sends none. */
    public Api(MockMvcTester mvc, String token) {
        this.mvc = mvc;
        this.token = token;
    }

    public Response get(String uri) {
        var request = mvc.get().uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return response(request.exchange());
    }

    /** A POST with a JSON body, or none when it is null. */
    public Response post(String uri, String json) {
        var request = mvc.post().uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
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
