package org.tenantregistry.launcher;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.tenantregistry.launcher.security.LocalCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as a person runs it: PostgreSQL, Kafka and both sides for real, reached through the one base URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class LauncherIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesGoToTheCommandSideReadsToTheQuerySideAndARestartKeepsEveryTenant(@TempDir Path data,
                                                                               CapturedOutput output) throws Exception {
        int[] ports = LocalPortsTest.freePorts(5);
        URI base = URI.create("http://localhost:" + ports[0]);
        String id;
        LocalCredentials credentials;
        try (ConfigurableApplicationContext registry = start(data, ports)) {
            credentials = LocalCredentials.loadOrCreate(data.resolve("security"));
            String curl = "curl -s -u registry-service:" + credentials.clientSecret()
                    + " -d grant_type=client_credentials " + base + "/oauth2/token";
            assertThat(output.getOut()).contains(curl, "admin / " + credentials.adminPassword());
            String token = ServiceToken.of(base, credentials);
            Map<String, Object> claims = JsonPath.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8)).read("$");
            assertThat(claims).containsEntry("iss", base.toString()).containsEntry("sub", "registry-service");

            HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/api/admin/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", \"password\": \""
                            + credentials.adminPassword() + "\"}")));
            assertThat(login.statusCode()).isEqualTo(200);
            // the session, and the XSRF token a browser echoes on its writes, both through the gateway
            assertThat(login.headers().allValues("Set-Cookie"))
                    .anyMatch(cookie -> cookie.startsWith("TR_SESSION="))
                    .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));

            HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/tenants"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"Acme Telecom\", \"slug\": \"acme\", \"domain\": \"acme.example.com\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            id = JsonPath.read(created.body(), "$.data.id");
            int version = JsonPath.read(created.body(), "$.data.version");

            HttpResponse<String> read = get(base, token, "/api/tenants/" + id + "?min_version=" + id + ":" + version);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(read.body(), "$.data.name")).isEqualTo("Acme Telecom");

            HttpResponse<String> found = get(base, token, "/api/tenants?search=ACME");
            assertThat((List<String>) JsonPath.read(found.body(), "$.data[*].id")).containsExactly(id);
            assertThat((String) JsonPath.read(found.body(), "$.links.first"))
                    .startsWith(base + "/api/tenants?");

            HttpResponse<String> swaggerConfig = get(base, token, "/v3/api-docs/swagger-config");
            assertThat((List<String>) JsonPath.read(swaggerConfig.body(), "$.urls[*].url"))
                    .containsExactly("/v3/api-docs", "/query/v3/api-docs");
            assertThat((String) JsonPath.read(get(base, token, "/query/v3/api-docs").body(), "$.info.title"))
                    .isEqualTo("tenant-registry query API");
        }

        int shownSoFar = output.getOut().length();
        try (ConfigurableApplicationContext restarted = start(data, ports)) {
            assertThat(output.getOut().substring(shownSoFar))
                    .doesNotContain(credentials.adminPassword(), credentials.clientSecret());
            String token = ServiceToken.of(base, credentials);
            assertThat(get(base, token, "/api/tenants/" + id).statusCode()).isEqualTo(200);
            HttpResponse<String> sameSlug = send(HttpRequest.newBuilder(base.resolve("/api/tenants"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Another\", \"slug\": \"acme\"}")));
            assertThat(sameSlug.statusCode()).isEqualTo(409);
        }
    }

    static String[] arguments(Path data, int[] ports) {
        return new String[]{
                "--tenant-registry.launcher.data-directory=" + data,
                "--tenant-registry.launcher.gateway-port=" + ports[0],
                "--tenant-registry.launcher.command-side-port=" + ports[1],
                "--tenant-registry.launcher.query-side-port=" + ports[2],
                "--tenant-registry.launcher.kafka-port=" + ports[3],
                "--tenant-registry.launcher.kafka-controller-port=" + ports[4]};
    }

    private static ConfigurableApplicationContext start(Path data, int[] ports) {
        return new SpringApplicationBuilder(LauncherApplication.class)
                .properties("spring.main.keep-alive=false")
                .run(arguments(data, ports));
    }

    private HttpResponse<String> get(URI base, String token, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
