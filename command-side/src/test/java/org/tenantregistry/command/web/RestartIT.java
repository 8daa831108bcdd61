package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.CommandSideApplication;
import org.tenantregistry.dns.LoopbackDnsServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side stopped and started again on the same data: nothing is lost, snapshots load correctly, and the
 * domains' re-checks carry on.
 */
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

    /** The re-check schedule is a table: a re-check that fell due while the side was down is done after it. */
    @Test
    void aVerifiedDomainsRecheckIsKeptAcrossARestart() {
        String slug = "recheck-" + Long.toHexString(System.nanoTime());
        String domain = slug + ".example.com";
        String tenant;
        try (LoopbackDnsServer dns = new LoopbackDnsServer().start()) {
            try (ConfigurableApplicationContext first = start("--tenant-registry.domains.dns-servers=" + dns.address(),
                    "--tenant-registry.domains.recheck-scan=0s", "--tenant-registry.domains.recheck-interval=1s")) {
                Api api = new Api(port(first));
                tenant = api.create("{\"name\": \"Recheck\", \"slug\": \"" + slug + "\"}");
                String did = api.send("POST", "/api/tenants/" + tenant + "/domains?domain=" + domain, null).json()
                        .get("data").get("id").asString();
                dns.cname(domain, slug + ".tenants.localhost");
                assertThat(api.send("PUT", "/api/tenants/" + tenant + "/domains/" + did + "/verify", null).json()
                        .get("data").get("status").asString()).isEqualTo("verified");
            }
            dns.remove(domain);

            try (ConfigurableApplicationContext second = start("--tenant-registry.domains.dns-servers="
                    + dns.address(), "--tenant-registry.domains.recheck-scan=100ms",
                    "--tenant-registry.domains.recheck-interval=1h")) {
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                                SELECT count(*) FROM domain_event_entry
                                 WHERE aggregate_identifier = ? AND payload_type LIKE '%CustomDomainVerificationFailed'""")
                        .param(tenant).query(Integer.class).single() == 1);
            }
        }
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--tenant-registry.embedded-postgres.data-directory=" + data.resolve("postgres"),
                "--tenant-registry.event-store.snapshot-threshold=" + SNAPSHOT_THRESHOLD));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(CommandSideApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
