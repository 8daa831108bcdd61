package org.tenantregistry.query.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.tenantregistry.events.SealedFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Plays the command side's two endpoints the query side calls for sealed fields, on a real HTTP server on the
 * loopback: {@code POST /oauth2/token} (client credentials, HTTP Basic), {@code GET /api/event-keys/{tenant_id}} and
 * {@code GET /api/event-keys?tenant_id=…} (bearer token): 200 with a tenant's key, 410 (or {@code shredded}) once it is
 * {@link #purge}d, 404 (or {@code unknown}) for a tenant it was never given, or a status of the test's choosing
 * ({@link #failWith}). It can be stopped and started again on the same port.
 */
public final class CommandSideKeys {

    public static final String CLIENT_ID = "registry-service";
    public static final String CLIENT_SECRET = "it-secret-" + UUID.randomUUID();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BEARER = "Bearer it-token-";

    private final Map<UUID, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<UUID> purged = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> keyRequests = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failure;
    private volatile HttpServer server;
    private final int port;

    private CommandSideKeys() {
        start(0);
        this.port = server.getAddress().getPort();
    }

    /** One for the whole test run, as the shared Spring context is. */
    public static final CommandSideKeys INSTANCE = new CommandSideKeys();

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** A new key for the tenant, which the endpoint gives from now on. */
    public byte[] keyFor(UUID tenantId) {
        byte[] key = new byte[SealedFields.KEY_BYTES];
        RANDOM.nextBytes(key);
        keys.put(tenantId, key);
        return key;
    }

    /** This key for the tenant from now on. */
    public void give(UUID tenantId, byte[] key) {
        keys.put(tenantId, key.clone());
    }

    /** The tenant's key is destroyed: 410 from now on. */
    public void purge(UUID tenantId) {
        keys.remove(tenantId);
        purged.add(tenantId);
    }

    /** Every key request answers this status from now on; 0 to answer normally again. */
    public void failWith(int status) {
        failure = status;
    }

    /** Key requests of either kind so far, each counted once however many tenants it names. */
    public int keyRequests() {
        return requests.get();
    }

    public int keyRequestsFor(UUID tenantId) {
        return keyRequests.computeIfAbsent(tenantId, id -> new AtomicInteger()).get();
    }

    public synchronized void stop() {
        server.stop(0);
    }

    public synchronized void start() {
        start(port);
    }

    private void start(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            http.createContext("/oauth2/token", this::token);
            http.createContext("/api/event-keys", this::key);
            http.start();
            server = http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod()) || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !body.contains("grant_type=client_credentials")) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        answer(exchange, 200, "application/json", "{\"access_token\":\"it-token-" + tokens.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"tenants:read\"}");
    }

    private void key(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        boolean many = path.equals("/api/event-keys");
        List<UUID> tenantIds = many ? tenantIdsIn(exchange.getRequestURI().getQuery())
                : List.of(UUID.fromString(path.substring("/api/event-keys/".length())));
        tenantIds.forEach(tenantId -> keyRequests.computeIfAbsent(tenantId, id -> new AtomicInteger()).incrementAndGet());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER)) {
            answer(exchange, 401, "application/problem+json", "{\"status\":401}");
        } else if (failure != 0) {
            answer(exchange, failure, "application/problem+json", "{\"status\":" + failure + "}");
        } else if (many) {
            answer(exchange, 200, "application/json", "{\"keys\":[" + tenantIds.stream().filter(keys::containsKey)
                    .map(this::keyJson).collect(Collectors.joining(",")) + "],\"shredded\":"
                    + ids(tenantIds.stream().filter(purged::contains).toList()) + ",\"unknown\":"
                    + ids(tenantIds.stream().filter(id -> !keys.containsKey(id) && !purged.contains(id)).toList()) + "}");
        } else if (purged.contains(tenantIds.get(0))) {
            answer(exchange, 410, "application/problem+json", "{\"status\":410,\"title\":\"Gone\"}");
        } else if (!keys.containsKey(tenantIds.get(0))) {
            answer(exchange, 404, "application/problem+json", "{\"status\":404}");
        } else {
            answer(exchange, 200, "application/json", keyJson(tenantIds.get(0)));
        }
    }

    private static List<UUID> tenantIdsIn(String query) {
        return Arrays.stream(query.split("&")).filter(parameter -> parameter.startsWith("tenant_id="))
                .flatMap(parameter -> Arrays.stream(URLDecoder.decode(parameter.substring("tenant_id=".length()),
                        StandardCharsets.UTF_8).split(",")))
                .map(UUID::fromString).toList();
    }

    private String keyJson(UUID tenantId) {
        return "{\"tenant_id\":\"" + tenantId + "\",\"algorithm\":\"" + SealedFields.ALGORITHM + "\",\"key\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(keys.get(tenantId)) + "\"}";
    }

    private static String ids(List<UUID> tenantIds) {
        return tenantIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
