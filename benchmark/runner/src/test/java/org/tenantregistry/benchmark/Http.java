package org.tenantregistry.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The load client: JDK HttpClient over HTTP/1.1 with keep-alive, one connection per concurrent request. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final ServiceTokens tokens;

    /** A client of the CRUD baseline, which checks no token. */
    Http(String base) {
        this(base, null);
    }

    /** Every request carries a token of the service client, as the registry requires. */
    Http(String base, ServiceTokens tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** A path on this base, or an absolute URL (a page link). */
    Answer get(String pathOrUrl) throws IOException, InterruptedException {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpResponse<String> response = client.send(authorized(HttpRequest.newBuilder(uri))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return tokens == null ? request : request.header("Authorization", tokens.authorization());
    }

    /** Whether anything answers HTTP at the base yet. */
    boolean answers() {
        try {
            get("/");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
