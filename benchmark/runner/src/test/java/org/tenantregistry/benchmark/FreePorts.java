package org.tenantregistry.benchmark;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports the operating system calls free now; never the registry's fixed defaults, which others may be using. */
final class FreePorts {

    private FreePorts() {
    }

    static int next() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
