package org.tenantregistry.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/**
 * Access tokens of the service client the stack's first start made (its secret in the data folder), from the
 * command side's own issuer, as a downstream service gets them. A token lives 15 minutes and a run takes longer, so a
 * new one is fetched when the last is 10 minutes old.
 */
final class ServiceTokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(10);

    private final URI tokenEndpoint;
    private final String basic;
    private final HttpClient client = HttpClient.newHttpClient();
    private String token;
    private long fetchedNanos;

    ServiceTokens(Path dataDirectory, int commandSidePort) {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDirectory.resolve("security/credentials.properties"))) {
            credentials.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.basic = Base64.getEncoder().encodeToString((credentials.getProperty("client.id") + ":"
                + credentials.getProperty("client.secret")).getBytes(StandardCharsets.UTF_8));
        this.tokenEndpoint = URI.create("http://localhost:" + commandSidePort + "/oauth2/token");
    }

    /** The Authorization header's value. */
    synchronized String authorization() {
        if (token == null || System.nanoTime() - fetchedNanos > RENEW_AFTER.toNanos()) {
            token = fetch();
            fetchedNanos = System.nanoTime();
        }
        return "Bearer " + token;
    }

    private String fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token: " + answer.statusCode() + " " + answer.body());
            }
            return Http.JSON.readTree(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
