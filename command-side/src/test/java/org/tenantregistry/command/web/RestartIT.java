package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.CommandSideApplication;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command side stopped and started again on the same data: nothing is lost, and snapshots load correctly. */
class RestartIT {

    private static final int SNAPSHOT_THRESHOLD = 3;

    @TempDir
    Path data;

    @Test
    void tenantsSurviveARestartAndLoadFromTheirSnapshot() {
        String slug = "restart-" + Long.toHexString(System.nanoTime());
        String busy;
        String quiet;
        long busyVersion;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            busy = api.create("{\"name\": \"Busy\", \"slug\": \"" + slug + "\"}");
            quiet = api.create("{\"name\": \"Quiet\"}");
            for (int extensions = 2; extensions <= 6; extensions++) {
                api.send("PATCH", "/api/tenants/" + busy, "{\"max_extensions\": " + extensions + "}");
            }
            busyVersion = 6;
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                    .sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                    .param(busy).query(Integer.class).single() > 0);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));

            Api.Answer busyUpdate = api.send("PUT", "/api/tenants/" + busy,
                    "{\"name\": \"Busy again\", \"max_extensions\": 6}", "If-Match", "\"" + busyVersion + "\"");
            Api.Answer staleUpdate = api.send("PUT", "/api/tenants/" + busy,
                    "{\"name\": \"Lost\"}", "If-Match", "\"" + busyVersion + "\"");
            Api.Answer quietUpdate = api.send("PUT", "/api/tenants/" + quiet + "/suspend",
                    "{\"reason\": \"after restart\"}", "If-Match", "\"1\"");
            Api.Answer sameSlug = api.post("{\"name\": \"Copycat\", \"slug\": \"" + slug + "\"}");

            assertThat(busyUpdate.status()).as(busyUpdate.text()).isEqualTo(200);
            assertThat(busyUpdate.json().get("data").get("version").asLong()).isEqualTo(busyVersion + 1);
            assertThat(staleUpdate.status()).isEqualTo(412);
            assertThat(quietUpdate.status()).isEqualTo(200);
            assertThat(quietUpdate.header("ETag")).isEqualTo("\"2\"");
            assertThat(sameSlug.status()).isEqualTo(409);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--tenant-registry.embedded-postgres.data-directory=" + data.resolve("postgres"),
                "--tenant-registry.event-store.snapshot-threshold=" + SNAPSHOT_THRESHOLD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
