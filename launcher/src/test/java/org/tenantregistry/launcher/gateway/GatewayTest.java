package org.tenantregistry.launcher.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway over real HTTP, in front of a stand-in command side that answers with the headers it received, and a
 * query side that is down (nothing listens on its port).
 */
class GatewayTest {

    private static HttpServer commandSide;
    private static Gateway gateway;
    private static int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        commandSide = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        commandSide.createContext("/", exchange -> {
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(header -> header.getKey().toLowerCase() + "=" + String.join(",", header.getValue()))
                    .sorted().collect(Collectors.joining("\n"));
            byte[] body = headers.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        commandSide.start();
        int downPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            downPort = free.getLocalPort();
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        gateway = Gateway.start(port, new Routes(URI.create("http://127.0.0.1:" + commandSide.getAddress().getPort()),
                URI.create("http://127.0.0.1:" + downPort)));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        commandSide.stop(0);
    }

    @Test
    void aSideThatIsDownOrStartingIsA503ProblemWithRetryAfterNotAnHtml502() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/tenants")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(answer.body()).contains("\"type\":\"urn:tenant-registry:problem:side-unavailable\"", "\"status\":503")
                .doesNotContain("127.0.0.1", "<html");
    }

    @Test
    void aBarePercentInThePathIsA400ProblemThatShowsNoInternalAddress() throws IOException {
        String answer = rawRequest("GET /api/tenants/% HTTP/1.1");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .doesNotContain("127.0.0.1", "<html");
    }

    @Test
    void aPathClimbingOutOfASidesPrefixIsA400Problem() throws IOException {
        for (String path : List.of("/command/../x", "/query/%2e%2e/actuator/env")) {
            String answer = rawRequest("GET " + path + " HTTP/1.1");

            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .doesNotContain("127.0.0.1", "<html");
        }
    }

    @Test
    void forwardingHeadersSentByTheClientAreReplacedByTheGatewaysOwn() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/tenants"))
                .header("Forwarded", "for=203.0.113.9;proto=https;host=evil.example")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        Map<String, String> received = new TreeMap<>();
        answer.body().lines().forEach(line -> received.put(line.substring(0, line.indexOf('=')),
                line.substring(line.indexOf('=') + 1)));
        assertThat(received).containsEntry("forwarded", "for=127.0.0.1;proto=http;host=\"localhost:" + port + "\"")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-host", "localhost:" + port)
                .containsEntry("x-forwarded-port", Integer.toString(port))
                .doesNotContainKey("x-forwarded-prefix");
        assertThat(answer.body()).doesNotContain("203.0.113.9", "evil");
    }

    /** What Java's HTTP client refuses to send: a request line as a careless or hostile client writes it. */
    private static String rawRequest(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
