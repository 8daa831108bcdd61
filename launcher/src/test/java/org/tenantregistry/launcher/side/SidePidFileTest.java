package org.tenantregistry.launcher.side;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SidePidFileTest {


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
        leftover = new ProcessBuilder("sleep", "300").start();
        SidePidFile file = new SidePidFile(logs.resolve("side.pid"));
        file.record(leftover.toHandle());

        file.stopLeftover("side");

        await().atMost(Duration.ofSeconds(30)).until(() -> !leftover.isAlive());
        assertThat(logs.resolve("side.pid")).doesNotExist();
    }

    @Test
    void aPidThatNowBelongsToAnotherProgramIsLeftAlone() throws IOException {
        SidePidFile file = new SidePidFile(logs.resolve("side.pid"));
        // The pid of a side, since reused by another process: the start time written down is not this one's.
        Files.writeString(logs.resolve("side.pid"), ProcessHandle.current().pid() + " 2001-01-01T00:00:00Z");

        file.stopLeftover("side");

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(logs.resolve("side.pid")).doesNotExist();
    }

    @Test
    void aPidOfAProcessThatIsGoneIsForgotten() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        SidePidFile file = new SidePidFile(logs.resolve("side.pid"));
        file.record(gone.toHandle());

        file.stopLeftover("side");

        assertThat(logs.resolve("side.pid")).doesNotExist();
    }
}
