package org.tenantregistry.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON-over-HTTP client, so that the tests read as the requests a user would make: with a bearer token, or
 * with the admin's session cookie as a browser would. One made by {@link #checkedAgainstItsOpenApi} also holds every
 * answer against the side's OpenAPI document.
 */
final class Http {

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String XSRF_COOKIE = "XSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final HttpClient client;
    private final CookieManager cookies;
    private final URI base;
    private final Map<String, String> ownHeaders;
    private OpenApiContract contract;
    private JsonNode document = JSON.missingNode();

    /** A client that sends this bearer token and otherwise exactly the headers each request names. */
    Http(URI base, String token) {
        this(base, Map.of("Authorization", "Bearer " + token), null);
    }

    private Http(URI base, Map<String, String> ownHeaders, CookieManager cookies) {
        this.base = base;
        this.ownHeaders = ownHeaders;
        this.cookies = cookies;
        this.client = cookies == null ? HttpClient.newHttpClient()
                : HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A client without a token, as a browser on a public page calls. */
    static Http anonymous(URI base) {
        return new Http(base, Map.of(), null);
    }

    /**
     * A browser of seed 000's admin: logs in with {@code POST /api/admin/login}, then sends the session cookie with
     * every request and, as Laravel's front ends (axios) do, echoes the {@code XSRF-TOKEN} cookie in
     * {@code X-XSRF-TOKEN} on writes.
     */
    static Http loggedInAdmin(URI base, String username, String password) {
        Http browser = new Http(base, Map.of(), new CookieManager());
        Answer login = browser.send("POST", "/api/admin/login", JSON.createObjectNode()
                .put("username", username).put("password", password).toString());
        if (login.status() != 200) {
            throw new IllegalStateException("the admin's login failed: " + login.status() + " " + login.raw().body());
        }
        return browser;
    }

    /** Fetches the side's document once, from {@code /v3/api-docs}; every later answer is checked against it. */
    static Http checkedAgainstItsOpenApi(URI base, String token) {
        Http http = new Http(base, token);
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
        return send("GET", path, null, Map.of());
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
        if (cookies != null && !SAFE_METHODS.contains(method)) {
            cookies.getCookieStore().getCookies().stream().filter(cookie -> XSRF_COOKIE.equals(cookie.getName()))
                    .findFirst().ifPresent(cookie -> request.header("X-XSRF-TOKEN", cookie.getValue()));
        }
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
