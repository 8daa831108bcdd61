package org.tenantregistry.launcher;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as a person runs it: PostgreSQL, Kafka and both sides for real, reached through the one base URL.
 */
class LauncherIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesGoToTheCommandSideReadsToTheQuerySideAndARestartKeepsEveryTenant(@TempDir Path data) throws Exception {
        int[] ports = LocalPortsTest.freePorts(5);
        URI base = URI.create("http://localhost:" + ports[0]);
        String id;
        try (ConfigurableApplicationContext registry = start(data, ports)) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/tenants"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"Acme Telecom\", \"slug\": \"acme\", \"domain\": \"acme.example.com\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            id = JsonPath.read(created.body(), "$.data.id");
            int version = JsonPath.read(created.body(), "$.data.version");

            HttpResponse<String> read = get(base, "/api/tenants/" + id + "?min_version=" + id + ":" + version);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(read.body(), "$.data.name")).isEqualTo("Acme Telecom");

            HttpResponse<String> found = get(base, "/api/tenants?search=ACME");
            assertThat((List<String>) JsonPath.read(found.body(), "$.data[*].id")).containsExactly(id);
            assertThat((String) JsonPath.read(found.body(), "$.links.first"))
                    .startsWith(base + "/api/tenants?");

            HttpResponse<String> swaggerConfig = get(base, "/v3/api-docs/swagger-config");
            assertThat((List<String>) JsonPath.read(swaggerConfig.body(), "$.urls[*].url"))
                    .containsExactly("/v3/api-docs", "/query/v3/api-docs");
            assertThat((String) JsonPath.read(get(base, "/query/v3/api-docs").body(), "$.info.title"))
                    .isEqualTo("tenant-registry query API");
        }

        try (ConfigurableApplicationContext restarted = start(data, ports)) {
            assertThat(get(base, "/api/tenants/" + id).statusCode()).isEqualTo(200);
            HttpResponse<String> sameSlug = send(HttpRequest.newBuilder(base.resolve("/api/tenants"))
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

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
