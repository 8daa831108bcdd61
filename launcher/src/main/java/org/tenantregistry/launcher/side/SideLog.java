package org.tenantregistry.launcher.side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * A side's log file. Every start appends to it, after a marker line, so that the output of a run that crashed is still
 * there after the restart; once it is over {@link #ROLL_AT} bytes it is rolled to {@code <name>.1} (replacing the
 * previous one) at the next start, so that two files bound what a long-lived data folder holds.
 */
final class SideLog {

    static final long ROLL_AT = 20L * 1024 * 1024;
    private static final int LINES_SHOWN_ON_FAILURE = 30;

    private final Path file;

    SideLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Rolls the file if it is over the bound, then appends the marker line; the side's output follows it. */
    void beginRun(String marker) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.size(file) > ROLL_AT) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(file, "==== " + Instant.now() + " " + marker + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last lines, for a message about a start that failed. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES_SHOWN_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
