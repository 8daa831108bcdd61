package org.tenantregistry.launcher.side;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a side's JVM is written down while the launcher runs it. A side is a process of its own: when the launcher is
 * killed (SIGKILL, a closed terminal), the side lives on, holding its port and its database connections, and the next
 * start would only find the port taken. The next start reads this file first and stops what it names, provided it is
 * still that side's JVM: a pid may have been reused by an unrelated process since, so the file keeps the process's
 * start time too. (Its arguments cannot tell: Linux shows at most 4096 characters of a command line, and the
 * classpath alone is longer.)
 */
final class SidePidFile {

    private static final Logger log = LoggerFactory.getLogger(SidePidFile.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final Path file;

    SidePidFile(Path file) {
        this.file = file;
    }

    /** Stops the side an earlier launcher left running, if there is one, and forgets the file either way. */
    void stopLeftover(String module) {
        Optional<ProcessHandle> leftover = recorded().filter(ProcessHandle::isAlive);
        if (leftover.isPresent()) {
            ProcessHandle process = leftover.get();
            log.warn("{} (pid {}) was left running by a launcher that did not stop cleanly; stopping it", module,
                    process.pid());
            process.destroy();
            if (!exited(process, GRACEFUL_STOP)) {
                process.destroyForcibly();
                exited(process, GRACEFUL_STOP);
            }
        }
        clear();
    }

    void record(ProcessHandle process) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, process.pid() + " " + startOf(process), StandardCharsets.UTF_8);
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ProcessHandle> recorded() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] pidAndStart = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ", 2);
            return ProcessHandle.of(Long.parseLong(pidAndStart[0]))
                    .filter(process -> pidAndStart.length == 2 && startOf(process).equals(pidAndStart[1]));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("unknown");
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
