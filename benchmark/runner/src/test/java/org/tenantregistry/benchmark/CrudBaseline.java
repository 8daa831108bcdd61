package org.tenantregistry.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The plain Spring Boot + Spring Data JPA service of module {@code benchmark/crud-baseline}, in a JVM of its own with
 * the sides' heap limit, against a database of its own on the stack's PostgreSQL.
 */
final class CrudBaseline implements AutoCloseable {

    /** The launcher's default {@code side-jvm-options}: the baseline gets what each side gets. */
    static final String SIDE_HEAP = "-Xmx512m";

    private final Process process;
    final Http http;

    private CrudBaseline(Process process, int port) {
        this.process = process;
        this.http = new Http("http://localhost:" + port);
    }

    static CrudBaseline start(Path target, Postgres postgres, Path log, Duration timeout) throws Exception {
        String classpath = target.resolve("classes") + ":" + Files.readString(
                target.resolve("runtime-classpath.txt")).trim();
        int port = FreePorts.next();
        String url = postgres.freshDatabase("benchmark_crud");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), SIDE_HEAP, "-cp", classpath,
                "org.tenantregistry.benchmark.crud.CrudBaselineApplication",
                "--server.port=" + port, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        CrudBaseline baseline = new CrudBaseline(process, port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!baseline.http.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                baseline.close();
                throw new IllegalStateException("the CRUD baseline did not start; see " + log);
            }
            Thread.sleep(200);
        }
        return baseline;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
