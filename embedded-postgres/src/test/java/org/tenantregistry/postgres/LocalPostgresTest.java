package org.tenantregistry.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    @Test
    void runsWithFsyncAndSynchronousCommitOn() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.builder().start()) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aPostgresLeftRunningOnTheFolderIsStoppedAndTheNewOneStartsWithItsData(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        PostmasterCommand command;
        try (LocalPostgres first = LocalPostgres.builder().dataDirectory(data).start()) {
            execute(first.database("kept"), "CREATE TABLE survivor (name text); INSERT INTO survivor VALUES ('acme')");
            command = PostmasterCommand.of(data);
        }
        // The same server started by another process that then dies without stopping it, as a killed launcher does.
        Postmaster leftRunning = command.start(folder.resolve("left-running.log"));

        try (LocalPostgres second = LocalPostgres.builder().dataDirectory(data).start()) {
            assertThat(ProcessHandle.of(leftRunning.pid())).isEmpty();
            assertThat(query(second.jdbcUrl("kept"), "SELECT name FROM survivor")).isEqualTo("acme");
            assertThat(Postmaster.runningOn(data).orElseThrow().pid()).isNotEqualTo(leftRunning.pid());
        }
    }

    @Test
    void aPostgresWhoseOwnerStillRunsIsLeftAloneAndTheSecondStartRefused(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        try (LocalPostgres owner = LocalPostgres.builder().dataDirectory(data).start()) {
            assertThatThrownBy(() -> LocalPostgres.builder().dataDirectory(data).start())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("belongs to a process that is still running");
            assertThat(setting(owner, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aLockFileNamingALiveProcessThatIsNotPostgresIsStaleAndRemoved(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        Path pidFile = data.resolve(Postmaster.PID_FILE);
        try (LocalPostgres first = LocalPostgres.builder().dataDirectory(data).start()) {
            assertThat(pidFile).exists();
        }
        // After a crash the pid in the lock file may belong to an unrelated process by now: PostgreSQL then refuses.
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(pidFile, unrelated.pid() + "\n" + data + "\n", StandardCharsets.US_ASCII);
            try (LocalPostgres second = LocalPostgres.builder().dataDirectory(data).start()) {
                assertThat(setting(second, "fsync")).isEqualTo("on");
                assertThat(unrelated.isAlive()).isTrue();
            }
        } finally {
            unrelated.destroy();
        }
    }

    private static String setting(LocalPostgres postgres, String name) throws SQLException {
        return query(postgres.jdbcUrl("postgres"), "SHOW " + name);
    }

    private static String query(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
