package org.tenantregistry.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class TakenPortTest {

    @Test
    void aTakenPortStopsTheStartWithAReportAndNoStackTraceBeforeAnythingRuns(CapturedOutput output,
                                                                             @TempDir Path data)
            throws IOException {
        int[] ports = LocalPortsTest.freePorts(5);
        try (ServerSocket taken = new ServerSocket(ports[1], 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LauncherApplication.class)
                    .properties("spring.main.keep-alive=false")
                    .run(LauncherIT.arguments(data, ports)))
                    .hasRootCauseInstanceOf(LaunchFailedException.class);
        }
        assertThat(output).contains("APPLICATION FAILED TO START",
                "Port " + ports[1] + " (command-side-port) is already in use.",
                "--tenant-registry.launcher.command-side-port=");
        assertThat(output).doesNotContain("Starting PostgreSQL", "\tat org.tenantregistry");
        assertThat(data).isEmptyDirectory();
    }
}
