package org.tenantregistry.postgres;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line a running PostgreSQL was started with ({@code postmaster.opts} in its data folder), to start the
 * same server again from another owner: as a killed launcher leaves it (detached, nobody will stop it), or after an
 * outage made on purpose.
 */
public record PostmasterCommand(Path binDirectory, Path dataDirectory, List<String> options) {

    private static final Pattern QUOTED_ARGUMENT = Pattern.compile("\"([^\"]*)\"");

    /** Read while the server runs: the binary, then each argument in double quotes ({@code -D} and its folder first). */
    public static PostmasterCommand of(Path dataDirectory) throws IOException {
        String line = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        int firstArgument = line.indexOf(" \"");
        Path binary = Path.of(line.substring(0, firstArgument));
        List<String> arguments = new ArrayList<>();
        Matcher argument = QUOTED_ARGUMENT.matcher(line.substring(firstArgument));
        while (argument.find()) {
            arguments.add(argument.group(1));
        }
        return new PostmasterCommand(binary.getParent(), dataDirectory, List.copyOf(arguments.subList(2, arguments.size())));
    }

    /**
     * Starts the server through {@code pg_ctl}, so that it is nobody's child; as root in a user namespace of its own,
     * as zonky does (PostgreSQL refuses to run as root). Returns once it accepts connections.
     */
    public Postmaster start(Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binDirectory.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
                "-o", String.join(" ", options), "-l", log.toString(), "-w", "start"));
        Process pgCtl = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (pgCtl.waitFor() != 0) {
            throw new IOException("pg_ctl start failed; see " + log);
        }
        return Postmaster.runningOn(dataDirectory).orElseThrow();
    }
}
