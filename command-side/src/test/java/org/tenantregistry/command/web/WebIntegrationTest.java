package org.tenantregistry.command.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/**
 * The command side on a random port with its own embedded PostgreSQL. Every web IT extends this unchanged, so they
 * all share one Spring context (and one database); tests therefore use fresh ids and unique slugs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({FailingEndpoint.class, FailingEndpoint.Controller.class, RateLimitedEndpoint.class,
        RateLimitedEndpoint.Controller.class, MovableClock.Configuration.class})
abstract class WebIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    Api api;

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
