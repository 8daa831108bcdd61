package org.tenantregistry.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A small JSON-over-HTTP client, so that the tests read as the requests a user would make. One made by
 * {@link #checkedAgainstItsOpenApi} also holds every answer against the side's OpenAPI document.
 */
final class Http {

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final Map<String, String> ownHeaders;
    private OpenApiContract contract;
    private JsonNode document = JSON.missingNode();

    /** A client that names itself in {@code X-Actor} on every write. */
    Http(URI base) {
        this(base, Map.of("X-Actor", "system-test"));
    }

    private Http(URI base, Map<String, String> ownHeaders) {
        this.base = base;
        this.ownHeaders = ownHeaders;
    }

    /** A client that sends exactly the headers each request names, as the seeds' documented examples do. */
    static Http asWritten(URI base) {
        return new Http(base, Map.of());
    }

    /** Fetches the side's document once, from {@code /v3/api-docs}; every later answer is checked against it. */
    static Http checkedAgainstItsOpenApi(URI base) {
        Http http = new Http(base);
        Answer document = http.get("/v3/api-docs");
        if (document.status() != 200) {
            throw new IllegalStateException(base + " serves no OpenAPI document: " + document.status());
        }
        http.contract = new OpenApiContract(document.raw().body());
        http.document = document.body();
        return http;
    }

    /** The OpenAPI document every answer is checked against; missing for an unchecked client. */
    JsonNode document() {
        return document;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Answer send(String method, String path, String json) {
        return send(method, path, "application/json", json);
    }

    Answer send(String method, String path, String contentType, String json) {
        return send(method, path, json, Map.of("Content-Type", contentType));
    }

    /** A request with exactly these headers (and this client's own); {@code json} null sends no body. */
    Answer send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.BodyPublisher body = json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body);
        headers.forEach(request::header);
        ownHeaders.forEach(request::header);
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (contract != null) {
                contract.check(response);
            }
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
