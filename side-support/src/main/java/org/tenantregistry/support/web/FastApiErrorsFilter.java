package org.tenantregistry.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 004's clients read FastAPI's error bodies, so under its prefix ({@code /api/v1/admin/}) every problem detail a
 * side answers is rewritten into FastAPI's shape: a 422 with per-field {@code errors} becomes an
 * {@code HTTPValidationError} ({@code {"detail": [{"loc": ["body", "name"], "msg": ..., "type": ...}]}}, {@code query}
 * instead of {@code body} for a read), any other problem {@code {"detail": "..."}} with its status. Answers that are
 * no problem pass unchanged. The problems stay the sides' own: this only changes how they are spelled.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class FastApiErrorsFilter extends OncePerRequestFilter {

    public static final String PREFIX = "/api/v1/admin/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** FastAPI's error type for a message with this word; {@code value_error} for every other. */
    private static final List<Map.Entry<String, String>> TYPES = List.of(
            Map.entry("required", "missing"),
            Map.entry("unknown", "extra_forbidden"));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri + "/").startsWith(PREFIX);
    }

    /** The query side answers asynchronously (read-your-writes): its body is written in the async dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletResponse toUse = isAsyncDispatch(request) || response instanceof ContentCachingResponseWrapper
                ? response : new ContentCachingResponseWrapper(response);
        chain.doFilter(request, toUse);
        if (isAsyncStarted(request)) {
            // the answer is not written yet: it is rewritten at the end of the async dispatch
            return;
        }
        ContentCachingResponseWrapper buffered = WebUtils.getNativeResponse(toUse, ContentCachingResponseWrapper.class);
        if (buffered == null) {
            return;
        }
        String type = buffered.getContentType();
        if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
            buffered.copyBodyToResponse();
            return;
        }
        byte[] body = fastApiBody(buffered.getContentAsByteArray(), buffered.getStatus(), locationOf(request));
        buffered.resetBuffer();
        buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
        buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
        buffered.getOutputStream().write(body);
        buffered.copyBodyToResponse();
    }

    /** Where FastAPI would say the fields came from: a read's from the query string, a write's from the body. */
    private static String locationOf(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) ? "query" : "body";
    }

    static byte[] fastApiBody(byte[] problemJson, int status, String location) {
        JsonNode problem;
        try {
            problem = JSON.readTree(problemJson);
        } catch (JacksonException e) {
            problem = JSON.createObjectNode();
        }
        ObjectNode answer = JSON.createObjectNode();
        JsonNode errors = problem.path("errors");
        if (status == HttpStatus.UNPROCESSABLE_CONTENT.value() && errors.isObject() && !errors.isEmpty()) {
            ArrayNode detail = answer.putArray("detail");
            errors.properties().forEach(field -> messagesOf(field.getValue()).forEach(message -> {
                ObjectNode error = detail.addObject();
                ArrayNode loc = error.putArray("loc").add(location);
                for (String part : field.getKey().split("\\.")) {
                    loc.add(part);
                }
                error.put("msg", message);
                error.put("type", typeOf(message));
            }));
        } else {
            String text = problem.path("detail").asString(problem.path("title").asString(""));
            HttpStatus known = HttpStatus.resolve(status);
            answer.put("detail", !text.isEmpty() || known == null ? text : known.getReasonPhrase());
        }
        return JSON.writeValueAsBytes(answer);
    }

    private static Iterable<String> messagesOf(JsonNode messages) {
        if (messages.isArray()) {
            return messages.valueStream().map(JsonNode::asString).toList();
        }
        return List.of(messages.asString());
    }

    private static String typeOf(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return TYPES.stream()
                .filter(word -> lower.contains(word.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("value_error");
    }
}
