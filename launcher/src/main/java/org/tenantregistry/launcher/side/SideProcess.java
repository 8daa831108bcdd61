package org.tenantregistry.launcher.side;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenantregistry.launcher.LaunchFailedException;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One side running in a JVM of its own, from the classes the build just compiled, as {@code spring-boot:run}
 * would run it. Its output goes to a log file; the launcher's console stays readable. Once it has been healthy, a side
 * that exits is started again, after a back-off ({@link RestartBackoff}), until the launcher stops.
 */
public final class SideProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SideProcess.class);
    /** A refused connection costs next to nothing; the ready line comes at most this late after the side is up. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final Side side;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path projectDirectory;
    private final SideLog sideLog;
    private final SidePidFile pidFile;
    private final URI baseUri;
    private final RestartBackoff backoff = new RestartBackoff();
    private final Thread supervisor;
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile boolean stopping;

    private SideProcess(Side side, List<String> command, Map<String, String> environment, Path projectDirectory,
                        Path logDirectory, URI baseUri) {
        this.side = side;
        this.command = command;
        this.environment = environment;
        this.projectDirectory = projectDirectory;
        this.sideLog = new SideLog(logDirectory.resolve(side.module() + ".log"));
        this.pidFile = pidFile(side, logDirectory);
        this.baseUri = baseUri;
        this.supervisor = new Thread(this::superviseRestarts, side.module() + "-supervisor");
        this.supervisor.setDaemon(true);
    }

    /**
     * @param projectDirectory the repository root
     * @param port             the side's HTTP port, on the loopback address
     * @param arguments        Spring Boot arguments ({@code --name=value}) beyond the port
     * @param environment      variables added to the side's environment: settings that the command line, which
     *                         every user of the machine can read, must not show
     */
    public static SideProcess start(Side side, Path projectDirectory, Path logDirectory, List<String> jvmOptions,
                                    int port, List<String> arguments, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-cp");
        command.add(classpath(side, projectDirectory));
        command.add(side.mainClass());
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        command.addAll(arguments);

        SideProcess sideProcess = new SideProcess(side, List.copyOf(command), Map.copyOf(environment),
                projectDirectory, logDirectory,
                URI.create("http://localhost:" + port));
        sideProcess.launch("start");
        return sideProcess;
    }

    /**
     * Stops the sides that a launcher killed on this data folder left running (their pid files lie beside their logs),
     * so that they neither hold the ports the next start checks nor write beside the new sides.
     */
    public static void stopLeftovers(Path logDirectory) {
        for (Side side : Side.values()) {
            pidFile(side, logDirectory).stopLeftover(side.module());
        }
    }

    private static SidePidFile pidFile(Side side, Path logDirectory) {
        return new SidePidFile(logDirectory.resolve(side.module() + ".pid"));
    }

    private static String classpath(Side side, Path projectDirectory) throws IOException {
        Path target = projectDirectory.resolve(side.module()).resolve("target");
        Path dependencies = target.resolve("runtime-classpath.txt");
        if (!Files.isRegularFile(dependencies)) {
            throw new LaunchFailedException(side.module() + " is not built: " + dependencies + " is missing.",
                    "Start the registry from the repository root with ./mvnw spring-boot:run, which builds it first.");
        }
        return target.resolve("classes") + File.pathSeparator
                + Files.readString(dependencies, StandardCharsets.UTF_8).strip();
    }

    private void launch(String reason) throws IOException {
        sideLog.beginRun(side.module() + " " + reason + " by the launcher (pid " + ProcessHandle.current().pid() + ")");
        startedAt = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc's malloc gives each of a JVM's many threads an arena of its own, tens of MB of resident memory that
        // the JVM, which allocates its heap itself, does not need; two are enough.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        process = builder
                .directory(projectDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(sideLog.file().toFile()))
                .start();
        pidFile.record(process.toHandle());
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return sideLog.file();
    }

    /** The side's JVM as it runs now; a restart replaces it. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once if the side exits meanwhile. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy(http, health)) {
            Process current = process;
            if (!current.isAlive()) {
                throw new LaunchFailedException(side.module() + " stopped while starting (exit code "
                        + current.exitValue() + "). The end of its log, " + log() + ":\n" + sideLog.tail(),
                        "Fix what the log says and start again.");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailedException(side.module() + " was not healthy after " + timeout
                        + ". The end of its log, " + log() + ":\n" + sideLog.tail(),
                        "Look at the log; on a slow machine, allow more time with "
                                + "--tenant-registry.launcher.startup-timeout=5m.");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static boolean isHealthy(HttpClient http, HttpRequest health) throws InterruptedException {
        try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /**
     * From now on a side that exits is started again. Called once it was healthy: a side that cannot start at all
     * fails the launch with its log instead ({@link #awaitHealthy}).
     */
    public void keepRunning() {
        supervisor.start();
    }

    /** Before the launcher stops its sides (Ctrl-C reaches them too): an exit is no longer a crash. */
    public void stopRestarting() {
        stopping = true;
        supervisor.interrupt();
    }

    private void superviseRestarts() {
        try {
            while (!stopping) {
                Process current = process;
                int exitCode = current.waitFor();
                if (stopping) {
                    return;
                }
                Duration delay = backoff.next(Duration.between(startedAt, Instant.now()));
                log.warn("{} exited with code {}; restarting in {}s (attempt {}); its log: {}", side.module(),
                        exitCode, delay.toSeconds(), backoff.attempt(), log());
                Thread.sleep(delay.toMillis());
                if (!stopping) {
                    restart();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void restart() {
        try {
            launch("restart " + backoff.attempt());
        } catch (IOException e) {
            log.error("Could not restart {}: {}", side.module(), e.getMessage());
            stopping = true;
        }
    }

    /** Asks the side to shut down gracefully (SIGTERM), and forces it after a while. */
    @Override
    public void close() throws InterruptedException {
        stopRestarting();
        if (supervisor.isAlive()) {
            supervisor.join(GRACEFUL_STOP.toMillis());
        }
        Process current = process;
        current.destroy();
        if (!current.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
            current.destroyForcibly().waitFor();
        }
        pidFile.clear();
    }
}
