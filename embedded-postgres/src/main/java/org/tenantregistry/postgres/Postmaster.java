package org.tenantregistry.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server found running on a data folder through the folder's {@code postmaster.pid}, the lock file
 * PostgreSQL keeps while it runs. A process killed with SIGKILL (a launcher, a test JVM) cannot stop the PostgreSQL it
 * started, and PostgreSQL runs on; this is how the next start finds it and stops it.
 */
public final class Postmaster {

    static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final ProcessHandle process;

    private Postmaster(Path dataDirectory, ProcessHandle process) {
        this.dataDirectory = dataDirectory;
        this.process = process;
    }

    /**
     * The PostgreSQL running on the folder, if any. A lock file whose process is gone, or is some other program that
     * now has the same pid, is stale: PostgreSQL would refuse to start on the folder while the pid is alive, so such a
     * file is removed.
     *
     * @throws IllegalStateException when the pid is alive but this process may not see what it runs (another user's)
     */
    public static Optional<Postmaster> runningOn(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException notRunning) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        Optional<Path> binary = process.get().info().command().map(Path::of);
        if (binary.isEmpty()) {
            throw new IllegalStateException(pidFile + " names process " + process.get().pid()
                    + ", which is running but cannot be inspected from here. If it is a PostgreSQL, stop it with"
                    + " pg_ctl stop -D " + dataDirectory + "; if it is not, delete " + pidFile + ".");
        }
        String name = binary.get().getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postmaster")) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        return Optional.of(new Postmaster(dataDirectory, process.get()));
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Stops the server with a fast shutdown (SIGINT, what {@code pg_ctl stop -m fast} sends): open sessions are cut,
     * every committed transaction is kept, a shutdown checkpoint is written. SIGTERM would wait for every client to
     * disconnect, and the clients of a killed launcher may live on. Sent with {@code kill}: Java has no SIGINT, and
     * zonky's {@code pg_ctl} refuses to run as root. Returns once the process and its lock file are gone.
     */
    public void stop() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid())).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (kill.waitFor() != 0 && process.isAlive()) {
            throw new IOException("Could not signal the PostgreSQL (pid " + pid() + ") on " + dataDirectory + ": "
                    + output);
        }
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The PostgreSQL (pid " + pid() + ") on " + dataDirectory + " did not stop within "
                    + STOP_TIMEOUT, e);
        }
        Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }
}
