package org.tenantregistry.launcher.gateway;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.net.InetAddress;
import java.util.Locale;

/**
 * The one base URL: a reverse proxy (Jetty's) in front of both sides, routed by {@link Routes}. A side that is down
 * or starting gets a 503 problem with {@code Retry-After}; a path it will not route gets a 400 problem; the sides
 * learn the client's address, scheme and host from forwarding headers the gateway writes itself, never from the
 * client's.
 */
public final class Gateway implements AutoCloseable {

    /** The launcher restarts a side within seconds; a client that waits this long usually finds it back. */
    static final String RETRY_AFTER_SECONDS = "2";

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
        server.setErrorHandler(new ProblemErrorHandler());
        server.setHandler(new RoutingProxy(routes));
        server.start();
        return new Gateway(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class RoutingProxy extends ProxyHandler.Reverse {

        RoutingProxy(Routes routes) {
            super(request -> HttpURI.from(routes.target(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery())));
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!Routes.isRoutable(request.getHttpURI().getPath())) {
                return answer(response, callback, new Problem(400, "non-canonical-path", "Bad Request",
                        "The path has dot segments or a malformed percent-encoding; send it in its canonical form."));
            }
            return super.handle(request, response, callback);
        }

        /** Whatever the client said about forwarding is dropped: only what {@link #addForwardedHeader} writes. */
        @Override
        protected void copyRequestHeaders(Request clientToProxyRequest,
                                          org.eclipse.jetty.client.Request proxyToServerRequest) {
            super.copyRequestHeaders(clientToProxyRequest, proxyToServerRequest);
            proxyToServerRequest.headers(headers -> headers.getFieldNamesCollection().stream()
                    .filter(RoutingProxy::isForwarding).toList().forEach(headers::remove));
        }

        @Override
        protected void addForwardedHeader(Request clientToProxyRequest,
                                          org.eclipse.jetty.client.Request proxyToServerRequest) {
            String client = Request.getRemoteAddr(clientToProxyRequest);
            String scheme = clientToProxyRequest.getHttpURI().getScheme();
            String host = Request.getServerName(clientToProxyRequest);
            int port = Request.getServerPort(clientToProxyRequest);
            String hostAndPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            String forwardedFor = client.contains(":") ? "\"[" + client + "]\"" : client;
            proxyToServerRequest.headers(headers -> headers
                    .put(HttpHeader.FORWARDED, "for=" + forwardedFor + ";proto=" + scheme + ";host=\"" + hostAndPort + "\"")
                    .put(HttpHeader.X_FORWARDED_FOR, client)
                    .put(HttpHeader.X_FORWARDED_PROTO, scheme)
                    .put(HttpHeader.X_FORWARDED_HOST, hostAndPort)
                    .put(HttpHeader.X_FORWARDED_PORT, Integer.toString(port)));
        }

        /** The side is not listening (down, restarting, still starting) or did not answer: not an HTML 502. */
        @Override
        protected void onServerToProxyResponseFailure(Request clientToProxyRequest,
                                                      org.eclipse.jetty.client.Request proxyToServerRequest,
                                                      org.eclipse.jetty.client.Response serverToProxyResponse,
                                                      Response proxyToClientResponse, Callback proxyToClientCallback,
                                                      Throwable failure) {
            if (proxyToClientResponse.isCommitted()) {
                super.onServerToProxyResponseFailure(clientToProxyRequest, proxyToServerRequest, serverToProxyResponse,
                        proxyToClientResponse, proxyToClientCallback, failure);
                return;
            }
            proxyToClientResponse.reset();
            proxyToClientResponse.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            answer(proxyToClientResponse, proxyToClientCallback, new Problem(503, "side-unavailable",
                    "Service Unavailable", "This part of the registry is starting or restarting; retry shortly."));
        }

        private static boolean answer(Response response, Callback callback, Problem problem) {
            response.setStatus(problem.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.write(true, problem.json(), callback);
            return true;
        }

        private static boolean isForwarding(String header) {
            String name = header.toLowerCase(Locale.ROOT);
            return name.equals("forwarded") || name.startsWith("x-forwarded-");
        }
    }
}
