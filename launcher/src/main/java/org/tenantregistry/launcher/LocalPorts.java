package org.tenantregistry.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports the launcher listens on, checked before anything starts: a taken port is one clear message up front,
 * not a failure deep inside Kafka or a side's log a minute later.
 */
final class LocalPorts {

    private final Map<String, Integer> portsByProperty = new LinkedHashMap<>();

    LocalPorts(LauncherProperties properties) {
        portsByProperty.put("gateway-port", properties.gatewayPort());
        portsByProperty.put("command-side-port", properties.commandSidePort());
        portsByProperty.put("query-side-port", properties.querySidePort());
        portsByProperty.put("kafka-port", properties.kafkaPort());
        portsByProperty.put("kafka-controller-port", properties.kafkaControllerPort());
    }

    void requireFree() {
        Map<Integer, String> seen = new LinkedHashMap<>();
        portsByProperty.forEach((property, port) -> {
            String other = seen.putIfAbsent(port, property);
            if (other != null) {
                throw new LaunchFailedException("Port " + port + " is set for both " + other + " and " + property + ".",
                        "Give each of them a port of its own.");
            }
            if (!isFree(port)) {
                throw new LaunchFailedException("Port " + port + " (" + property + ") is already in use.",
                        "Stop whatever listens on port " + port + ", or choose another port with "
                                + "--tenant-registry.launcher." + property + "=... (in the environment: "
                                + environmentVariable(property) + ").");
            }
        });
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String environmentVariable(String property) {
        return "TENANT_REGISTRY_LAUNCHER_" + property.replace('-', '_').toUpperCase();
    }
}
