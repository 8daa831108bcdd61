package org.tenantregistry.launcher.side;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SideLogTest {

    @Test
    void aNewRunAppendsAfterAMarkerLineAndKeepsWhatTheCrashedRunWrote(@TempDir Path logs) throws Exception {
        SideLog log = new SideLog(logs.resolve("query-side.log"));
        log.beginRun("query-side start");
        Files.writeString(log.file(), "java.lang.OutOfMemoryError: the crash evidence\n", java.nio.file.StandardOpenOption.APPEND);
        log.beginRun("query-side restart 1");

        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("==== ").endsWith(" query-side start");
        assertThat(lines.get(1)).isEqualTo("java.lang.OutOfMemoryError: the crash evidence");
        assertThat(lines.get(2)).endsWith(" query-side restart 1");
    }

    @Test
    void aLogOverTheBoundIsRolledToASecondFileAtTheNextRun(@TempDir Path logs) throws Exception {
        SideLog log = new SideLog(logs.resolve("command-side.log"));
        Files.write(log.file(), new byte[(int) SideLog.ROLL_AT + 1]);
        log.beginRun("command-side start");

        assertThat(logs.resolve("command-side.log.1")).hasSize(SideLog.ROLL_AT + 1);
        assertThat(Files.readAllLines(log.file())).singleElement().asString().endsWith(" command-side start");
    }
}
