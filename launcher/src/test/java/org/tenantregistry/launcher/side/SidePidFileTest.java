package org.tenantregistry.launcher.side;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SidePidFileTest {

    // sh -c takes the argument after the script as its $0: the process's arguments then name this "main class".
    private static final String MAIN_CLASS = "org.example.LeftoverSide";

    @TempDir
    Path logs;
    private Process leftover;

    @AfterEach
    void killWhatIsLeft() {
        if (leftover != null) {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aSideThatAKilledLauncherLeftRunningIsStoppedAndForgotten() throws IOException {
        leftover = new ProcessBuilder("sh", "-c", "sleep 300", MAIN_CLASS).start();
        SidePidFile file = new SidePidFile(logs.resolve("side.pid"), MAIN_CLASS);
        file.record(leftover.toHandle());

        file.stopLeftover("side");

        await().atMost(Duration.ofSeconds(30)).until(() -> !leftover.isAlive());
        assertThat(logs.resolve("side.pid")).doesNotExist();
    }

    @Test
    void aPidThatNowBelongsToAnotherProgramIsLeftAlone() throws IOException {
        SidePidFile file = new SidePidFile(logs.resolve("side.pid"), MAIN_CLASS);
        file.record(ProcessHandle.current());

        file.stopLeftover("side");

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(logs.resolve("side.pid")).doesNotExist();
    }

    @Test
    void aPidOfAProcessThatIsGoneIsForgotten() throws Exception {
        Process gone = new ProcessBuilder("sh", "-c", "exit 0", MAIN_CLASS).start();
        gone.waitFor();
        SidePidFile file = new SidePidFile(logs.resolve("side.pid"), MAIN_CLASS);
        file.record(gone.toHandle());

        file.stopLeftover("side");

        assertThat(logs.resolve("side.pid")).doesNotExist();
    }
}
