package org.tenantregistry.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
    private OpenApiContract contract;
    private JsonNode document = JSON.missingNode();

    Http(URI base) {
        this.base = base;
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
        HttpRequest.BodyPublisher body = json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .header("X-Actor", "system-test")
                .method(method, body));
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
