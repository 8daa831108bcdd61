package org.tenantregistry.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPortsTest {

    @Test
    void freePortsPass() throws IOException {
        int[] ports = freePorts(5);
        assertThatCode(() -> new LocalPorts(properties(ports)).requireFree()).doesNotThrowAnyException();
    }

    @Test
    void aTakenPortIsNamedWithTheSettingThatMovesIt() throws IOException {
        int[] ports = freePorts(5);
        try (ServerSocket taken = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new LocalPorts(properties(ports)).requireFree())
                    .isInstanceOfSatisfying(LaunchFailedException.class, failure -> {
                        assertThat(failure).hasMessage("Port " + ports[0] + " (gateway-port) is already in use.");
                        assertThat(failure.action()).contains("--tenant-registry.launcher.gateway-port=",
                                "TENANT_REGISTRY_LAUNCHER_GATEWAY_PORT");
                    });
        }
    }

    @Test
    void oneSharedPortForTwoPartsIsRefused() throws IOException {
        int[] ports = freePorts(5);
        ports[4] = ports[3];
        assertThatThrownBy(() -> new LocalPorts(properties(ports)).requireFree())
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("Port " + ports[3] + " is set for both kafka-port and kafka-controller-port.");
    }

    static LauncherProperties properties(int[] ports) {
        return new LauncherProperties(Path.of(".data"), Path.of("."), ports[0], ports[1], ports[2], ports[3], ports[4],
                List.of(), Duration.ofMinutes(1));
    }

    /** Ports that were free a moment ago: each socket is held until all are chosen, so no two are the same. */
    static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
