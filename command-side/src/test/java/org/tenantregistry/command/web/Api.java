package org.tenantregistry.command.web;

import org.springframework.http.HttpHeaders;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real HTTP client against the running command side: what a client sends is exactly what the server gets. Requests
 * carry the test admin's token unless they name an {@code Authorization} of their own, or the client is
 * {@link #anonymous}.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, java.net.http.HttpHeaders headers, String text) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String authorization;

    Api(int port) {
        this(port, "Bearer " + TestTokens.admin());
    }

    private Api(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    /** A client without any token. */
    static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** A client sending this token. */
    static Api withToken(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    Answer send(String method, String path, String json, String... headers) {
        return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json",
                headers);
    }

    Answer send(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (authorization != null && !names(headers, HttpHeaders.AUTHORIZATION)) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to build further, with this client's token. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }

    private static boolean names(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    Answer post(String json, String... headers) {
        return send("POST", "/api/tenants", json, headers);
    }

    /** Creates a tenant and answers its id. */
    String create(String json) {
        Answer answer = post(json);
        if (answer.status() != 201) {
            throw new AssertionError("create failed: " + answer.status() + " " + answer.text());
        }
        return answer.json().get("data").get("id").asString();
    }
}
