package org.tenantregistry.launcher;

import com.jayway.jsonpath.JsonPath;
import org.tenantregistry.launcher.security.LocalCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A token of the launcher's service client, from the command side's issuer through the gateway, as the first start's curl gets one. */
final class ServiceToken {

    private ServiceToken() {
    }

    static String of(URI base, LocalCredentials credentials) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((LocalCredentials.SERVICE_CLIENT + ":"
                + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no token from " + base + ": " + answer.statusCode() + " " + answer.body());
        }
        return JsonPath.read(answer.body(), "$.access_token");
    }
}
