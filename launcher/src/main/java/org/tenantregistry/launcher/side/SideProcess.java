package org.tenantregistry.launcher.side;

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
import java.util.concurrent.TimeUnit;

/**
 * One side running in a JVM of its own, from the classes the build just compiled, as {@code spring-boot:run}
 * would run it. Its output goes to a log file; the launcher's console stays readable.
 */
public final class SideProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final int LOG_LINES_SHOWN_ON_FAILURE = 30;

    private final Side side;
    private final Process process;
    private final Path log;
    private final URI baseUri;

    private SideProcess(Side side, Process process, Path log, URI baseUri) {
        this.side = side;
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /**
     * @param projectDirectory the repository root
     * @param port             the side's HTTP port, on the loopback address
     * @param arguments        Spring Boot arguments ({@code --name=value}) beyond the port
     */
    public static SideProcess start(Side side, Path projectDirectory, Path logDirectory, List<String> jvmOptions,
                                    int port, List<String> arguments) throws IOException {
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

        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(side.module() + ".log");
        Process process = new ProcessBuilder(command)
                .directory(projectDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SideProcess(side, process, log, URI.create("http://localhost:" + port));
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

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once if the side exits meanwhile. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy(http, health)) {
            if (!process.isAlive()) {
                throw new LaunchFailedException(side.module() + " stopped while starting (exit code "
                        + process.exitValue() + "). The end of its log, " + log + ":\n" + tailOfLog(),
                        "Fix what the log says and start again.");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailedException(side.module() + " was not healthy after " + timeout
                        + ". The end of its log, " + log + ":\n" + tailOfLog(),
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

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the side to shut down gracefully (SIGTERM), and forces it after a while. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
