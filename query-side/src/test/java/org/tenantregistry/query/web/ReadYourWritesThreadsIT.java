package org.tenantregistry.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.domain.DomainProjection;
import org.tenantregistry.query.projection.ProjectionProgress;
import org.tenantregistry.query.projection.ProjectionRunner;
import org.tenantregistry.query.support.CloseContextAfterAllTests;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.query.resource.ResourceProjection;
import org.tenantregistry.query.tenant.TenantProjection;
import org.tenantregistry.support.security.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads waiting for min_version over real HTTP, on a Tomcat with fewer request threads than waiting reads: were a
 * waiting read to hold its thread, the waiters would not all get in and the normal read would queue behind them.
 * A context of its own, since it needs a real servlet container, few threads and waits that outlast the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenant-registry.query.embedded-postgres.data-directory=target/it-postgres/${random.uuid}",
        "tenant-registry.query.embedded-postgres.clean-data-directory=true",
        "tenant-registry.query.projections.tenants.auto-startup=false",
        "tenant-registry.query.projections.msp-statistics.auto-startup=false",
        "tenant-registry.query.projections.resources.auto-startup=false",
        "tenant-registry.query.projections.domains.auto-startup=false",
        "server.tomcat.threads.max=" + ReadYourWritesThreadsIT.THREADS,
        "server.tomcat.threads.min-spare=1",
        "tenant-registry.query.consistency.max-wait=2m",
        "tenant-registry.query.consistency.max-waiters=" + ReadYourWritesThreadsIT.WAITERS})
@ExtendWith(CloseContextAfterAllTests.class)
class ReadYourWritesThreadsIT {

    static final int THREADS = 4;
    static final int WAITERS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    ProjectionRunner runner;

    @Autowired
    TenantProjection tenants;

    @Autowired
    ResourceProjection resources;

    @Autowired
    DomainProjection domains;

    @Autowired
    ProjectionProgress progress;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void readsWaitingForAnUnknownTenantHoldNoThreadAndOneWaiterTooManyIsRefusedAtOnce() throws Exception {
        TenantStream known = TenantStream.newTenant();
        TenantEventEnvelope knownCreated = known.created("Known", "known-" + suffix(), null, "DE");
        runner.handle(tenants, knownCreated);
        runner.handle(resources, knownCreated);
        runner.handle(domains, knownCreated);
        TenantStream unknown = TenantStream.newTenant();
        String waitingRead = "/api/tenants/" + unknown.tenantId() + "?min_version=" + unknown.tenantId() + ":1";

        List<CompletableFuture<HttpResponse<String>>> waiting = IntStream.range(0, WAITERS)
                .mapToObj(i -> http.sendAsync(request(waitingRead), HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(PATIENCE).until(() -> progress.waiting() == WAITERS);

        HttpResponse<String> normal = http.send(request("/api/tenants/" + known.tenantId()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body()).contains("\"name\":\"Known\"");
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        HttpResponse<String> oneTooMany = http.send(request(waitingRead), HttpResponse.BodyHandlers.ofString());
        assertThat(oneTooMany.statusCode()).isEqualTo(503);
        assertThat(oneTooMany.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(oneTooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(oneTooMany.body()).contains("urn:tenant-registry:problem:too-many-waiting-reads");
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        TenantEventEnvelope arrived = unknown.created("Arrived", "arrived-" + suffix(), null, "DE");
        runner.handle(tenants, arrived);
        assertThat(waiting).as("a tenant's read waits for its resources too").noneMatch(CompletableFuture::isDone);
        runner.handle(resources, arrived);
        assertThat(waiting).as("and for its domains").noneMatch(CompletableFuture::isDone);
        runner.handle(domains, arrived);

        assertThat(waiting).allSatisfy(read -> {
            HttpResponse<String> response = read.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"name\":\"Arrived\"");
        });
        await().atMost(PATIENCE).until(() -> progress.waiting() == 0);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PATIENCE)
                .header("Authorization", "Bearer " + TestTokens.admin()).build();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
