package org.tenantregistry.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A real PostgreSQL run from zonky's binaries, set up the one way this project runs one: as durable as a server
 * (zonky's defaults trade that for test speed), stopped by its owner rather than by a JVM hook, and never failing to
 * start because an earlier, killed owner left its PostgreSQL running on the data folder.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String SUPERUSER = "postgres";
    /** The file zonky locks in the data folder for as long as the process that started PostgreSQL runs. */
    private static final String OWNER_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return postgres.getPort();
    }

    /** The folder of its data; empty for a throw-away database in a temporary folder. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    public String superuser() {
        return SUPERUSER;
    }

    /** The JDBC URL of a database of this server, as its superuser (no password: it listens on loopback only). */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** Creates the database unless it exists, and returns its JDBC URL. */
    public String database(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                }
            }
        }
        return jdbcUrl(name);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Stops PostgreSQL (fast: sessions are cut, committed work is kept). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    public static final class Builder {

        private Path dataDirectory;
        private boolean cleanDataDirectory;
        private int port;

        private Builder() {
        }

        /** Where the data lives across restarts; unset, a temporary folder that is removed at {@link #close()}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory == null ? null : dataDirectory.toAbsolutePath().normalize();
            return this;
        }

        /** Start from an empty folder (tests). */
        public Builder cleanDataDirectory(boolean cleanDataDirectory) {
            this.cleanDataDirectory = cleanDataDirectory;
            return this;
        }

        /** 0 (the default) lets the operating system choose a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public LocalPostgres start() throws IOException {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // Zonky turns both off for speed; an answered write must survive a crash of the process
                    // (synchronous_commit) and of the machine (fsync).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Whoever started it stops it, after the last user of a connection; zonky's JVM hook would stop it
                    // in parallel with the application's own shutdown, under its feet.
                    .setRegisterShutdownHook(false);
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                stopPostgresLeftRunning(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(cleanDataDirectory);
            }
            return new LocalPostgres(builder.start(), dataDirectory);
        }

        /**
         * A PostgreSQL still running on the folder holds it: the new one would never come up (zonky then gives up
         * after ten seconds with no reason given). If its owner is gone, it was left behind and is stopped; if its
         * owner still runs (it holds zonky's lock on the folder), the folder is in use and the start is refused.
         */
        private static void stopPostgresLeftRunning(Path dataDirectory) throws IOException {
            Optional<Postmaster> leftRunning = Postmaster.runningOn(dataDirectory);
            if (leftRunning.isEmpty()) {
                return;
            }
            try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ownerGone = tryLock(channel)) {
                if (ownerGone == null) {
                    throw new IOException("The PostgreSQL (pid " + leftRunning.get().pid() + ") on " + dataDirectory
                            + " belongs to a process that is still running; stop that process, or use another data"
                            + " folder.");
                }
                log.warn("A PostgreSQL (pid {}) is still running on {}, left by a process that ended without"
                        + " stopping it; stopping it (fast shutdown, committed data is kept) before starting again",
                        leftRunning.get().pid(), dataDirectory);
                leftRunning.get().stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping the PostgreSQL left running on " + dataDirectory, e);
            }
        }

        /** Null while another owner holds the lock, in another process or in this one. */
        private static FileLock tryLock(FileChannel channel) throws IOException {
            try {
                return channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                return null;
            }
        }
    }
}
