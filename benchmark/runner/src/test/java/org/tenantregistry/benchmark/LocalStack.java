package org.tenantregistry.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local stack exactly as a developer starts it, {@code ./mvnw spring-boot:run} in the repository root, with
 * default settings except free ports, a fresh data folder, a longer bound on a side's start and rate limits off. Ready is when the
 * launcher says so.
 */
final class LocalStack implements AutoCloseable {

    private static final Pattern POSTGRES_PORT = Pattern.compile("PostgreSQL is listening on port (\\d+)");
    private static final String READY = "tenant-registry is ready.";

    final int gatewayPort;
    final int commandSidePort;
    final int querySidePort;
    final int kafkaPort;
    final Path dataDirectory;
    private final Process maven;
    private final Path log;
    private final CompletableFuture<Integer> postgresPort = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private LocalStack(Path root, Path dataDirectory, Path log) throws IOException {
        this.dataDirectory = dataDirectory;
        this.log = log;
        gatewayPort = FreePorts.next();
        commandSidePort = FreePorts.next();
        querySidePort = FreePorts.next();
        kafkaPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "spring-boot:run")
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("TENANT_REGISTRY_LAUNCHER_DATA_DIRECTORY", dataDirectory.toString());
        env.put("TENANT_REGISTRY_LAUNCHER_GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("TENANT_REGISTRY_LAUNCHER_COMMAND_SIDE_PORT", Integer.toString(commandSidePort));
        env.put("TENANT_REGISTRY_LAUNCHER_QUERY_SIDE_PORT", Integer.toString(querySidePort));
        env.put("TENANT_REGISTRY_LAUNCHER_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("TENANT_REGISTRY_LAUNCHER_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        // Only the bound on a side's start, not how it starts: on a machine loaded by other builds the sides have
        // taken over the default 3 minutes, and the start-to-ready row then says how long it took.
        env.put("TENANT_REGISTRY_LAUNCHER_STARTUP_TIMEOUT", "10m");
        // The sides inherit the launcher's environment: the benchmark measures the registry with rate limits off.
        env.put("TENANT_REGISTRY_RATE_LIMIT_ENABLED", "false");
        startedNanos = System.nanoTime();
        maven = builder.start();
        Thread reader = new Thread(this::follow, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the stack and waits until it is ready; the time from the command to ready is {@link #startToReady}. */
    static LocalStack start(Path root, Path dataDirectory, Path log, Duration timeout) throws Exception {
        LocalStack stack = new LocalStack(root, dataDirectory, log);
        try {
            stack.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("the local stack did not get ready; see " + log, e);
        }
        return stack;
    }

    private final long startedNanos;
    private volatile long readyNanos;

    Duration startToReady() {
        return Duration.ofNanos(readyNanos - startedNanos);
    }

    int postgresPort() {
        return postgresPort.join();
    }

    private void follow() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                Matcher port = POSTGRES_PORT.matcher(line);
                if (port.find()) {
                    postgresPort.complete(Integer.parseInt(port.group(1)));
                }
                if (line.contains(READY) && !ready.isDone()) {
                    readyNanos = System.nanoTime();
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the launcher exited before it was ready"));
    }

    /**
     * The launcher's JVM (Kafka runs in it), the sides' JVMs and the PostgreSQL processes; not Maven's own JVM, which
     * only waits for the launcher.
     */
    Set<Long> stackProcesses() {
        Set<Long> pids = new LinkedHashSet<>();
        maven.descendants().forEach(process -> pids.add(process.pid()));
        postmaster().ifPresent(postmaster -> {
            pids.add(postmaster.pid());
            postmaster.descendants().forEach(process -> pids.add(process.pid()));
        });
        return pids;
    }

    ProcessMemory mavenMemory() {
        return ProcessMemory.of(List.of(maven.pid()));
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().flatMap(pid -> ProcessHandle.of(Long.parseLong(pid.trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM to the launcher, as Ctrl-C would: it stops the sides, Kafka and PostgreSQL; then Maven ends. */
    @Override
    public void close() throws InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> launcher = maven.children().toList();
        launcher.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : launcher) {
            process.onExit().completeOnTimeout(process, 90, TimeUnit.SECONDS).join();
        }
        if (!maven.waitFor(30, TimeUnit.SECONDS)) {
            maven.destroy();
            maven.waitFor(10, TimeUnit.SECONDS);
        }
        maven.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
    }
}
