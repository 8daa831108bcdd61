package org.tenantregistry.launcher;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients writing through the gateway until stopped: each creates a tenant, then renames it, over and over. Keeps
 * every status it was answered and, per tenant, the last version a 2xx answer gave.
 */
final class WriteLoad implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;
    private final String label;
    private final List<Thread> clients = new ArrayList<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> acceptedVersions = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    private volatile boolean running = true;

    /** @param token the clients' bearer token */
    WriteLoad(URI base, String token, String label, int clientCount) {
        this.base = base;
        this.authorization = "Bearer " + token;
        this.label = label;
        for (int i = 0; i < clientCount; i++) {
            Thread client = new Thread(this::write, label + "-writer-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    private void write() {
        while (running) {
            String name = "Fault " + label + " " + names.incrementAndGet();
            HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/tenants"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")));
            if (created == null || created.statusCode() != 201) {
                continue;
            }
            String id = accept(created);
            HttpResponse<String> renamed = send(HttpRequest.newBuilder(base.resolve("/api/tenants/" + id))
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + " renamed\"}")));
            if (renamed != null && renamed.statusCode() == 200) {
                accept(renamed);
            }
        }
    }

    private String accept(HttpResponse<String> answer) {
        String id = JsonPath.read(answer.body(), "$.data.id");
        int version = JsonPath.read(answer.body(), "$.data.version");
        acceptedVersions.merge(id, version, Math::max);
        accepted.incrementAndGet();
        return id;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(answer.statusCode(), status -> new LongAdder()).increment();
            return answer;
        } catch (IOException e) {
            statuses.computeIfAbsent(-1, status -> new LongAdder()).increment();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    /** Writes answered with 2xx so far. */
    int accepted() {
        return accepted.get();
    }

    long answered(int status) {
        LongAdder count = statuses.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Every status answered (-1: no answer at all), with its count. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    /** Per tenant, the highest version a 2xx answer gave: the events the registry promised to keep. */
    Map<String, Integer> acceptedVersions() {
        return Map.copyOf(acceptedVersions);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(60).toMillis());
        }
    }
}
