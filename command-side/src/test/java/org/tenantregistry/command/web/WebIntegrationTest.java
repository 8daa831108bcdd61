package org.tenantregistry.command.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tenantregistry.dns.LoopbackDnsServer;

import java.util.List;
import java.util.UUID;

/**
 * The command side on a random port with its own embedded PostgreSQL, verifying domains against a real DNS server on
 * the loopback. Every web IT extends this unchanged, so they all share one Spring context (and one database and DNS
 * server); tests therefore use fresh ids, unique slugs and unique domains.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({FailingEndpoint.class, FailingEndpoint.Controller.class, RateLimitedEndpoint.class,
        RateLimitedEndpoint.Controller.class, MovableClock.Configuration.class})
abstract class WebIntegrationTest {

    /** One per test JVM, like the context that asks it; records are per test, under names of its own. */
    static final LoopbackDnsServer DNS = new LoopbackDnsServer().start();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    Api api;

    @DynamicPropertySource
    static void resolveWithTheLoopbackDnsServer(DynamicPropertyRegistry properties) {
        properties.add("tenant-registry.domains.dns-servers", DNS::address);
        properties.add("tenant-registry.domains.dns-timeout", () -> "500ms");
        properties.add("tenant-registry.domains.base-domain", () -> "tenants.test");
        // the re-check job is run by the tests themselves, at the times they choose
        properties.add("tenant-registry.domains.recheck-scan", () -> "0s");
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    List<? extends DomainEventMessage<?>> eventsOf(String tenantId) {
        return eventStore.readEvents(tenantId, 0L).asStream().toList();
    }

    List<String> eventTypesOf(String tenantId) {
        return eventsOf(tenantId).stream().map(event -> event.getPayloadType().getSimpleName()).toList();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
