package org.tenantregistry.launcher.gateway;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.InetAddress;

/**
 * The one base URL: a reverse proxy (Jetty's) in front of both sides, routed by {@link Routes}.
 */
public final class Gateway implements AutoCloseable {

    private final Server server;

    private Gateway(Server server) {
        this.server = server;
    }

    public static Gateway start(int port, Routes routes) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new ProxyHandler.Reverse(request -> HttpURI.from(routes.target(
                request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery()))));
        server.start();
        return new Gateway(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
