package org.tenantregistry.query.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.domain.DomainProjection;
import org.tenantregistry.query.projection.ProjectionRunner;
import org.tenantregistry.query.resource.ResourceProjection;
import org.tenantregistry.query.statistics.MspStatisticsProjection;
import org.tenantregistry.query.tenant.TenantProjection;

import java.util.List;

/**
 * A real PostgreSQL and the whole web layer, without a broker: the tests feed the projections' handlers directly.
 * Every subclass shares this one context (and its database), so tests keep to tenants and partners of their own.
 * Read-your-writes gives up after 300 ms here, so that the 503 answer is quick to show. The web layer also listens on a
 * random port, for what only a real Tomcat shows; 127.0.0.2 alone is a trusted proxy, so that a test can send both as
 * a client (127.0.0.1) and as the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenant-registry.query.embedded-postgres.data-directory=target/it-postgres/${random.uuid}",
        "tenant-registry.query.embedded-postgres.clean-data-directory=true",
        "tenant-registry.query.projections.tenants.auto-startup=false",
        "tenant-registry.query.projections.msp-statistics.auto-startup=false",
        "tenant-registry.query.projections.resources.auto-startup=false",
        "tenant-registry.query.projections.domains.auto-startup=false",
        "tenant-registry.query.consistency.max-wait=300ms",
        "tenant-registry.query.consistency.poll-interval=20ms",
        "tenant-registry.query.web.trusted-proxies=127.0.0.2"})
@AutoConfigureMockMvc
@Import({RateLimitedEndpoint.class, RateLimitedEndpoint.Controller.class})
@ExtendWith(CloseContextAfterAllTests.class)
public abstract class DatabaseIntegrationTest {

    @Autowired
    protected ProjectionRunner runner;

    @Autowired
    protected TenantProjection tenants;

    @Autowired
    protected MspStatisticsProjection statistics;

    @Autowired
    protected ResourceProjection resources;

    @Autowired
    protected DomainProjection domains;

    @Autowired
    private MockMvcTester mvc;

    @LocalServerPort
    protected int port;

    protected Api.Response get(String uri) {
        return new Api(mvc).get(uri);
    }

    /** Requests with another token than the admin's. */
    protected Api as(String token) {
        return new Api(mvc, token);
    }

    protected Api.Response post(String uri, String json) {
        return new Api(mvc).post(uri, json);
    }

    /** What the listeners do for each record, minus Kafka: every projection, each in its own transaction. */
    protected void deliver(List<TenantEventEnvelope> envelopes) {
        for (TenantEventEnvelope envelope : envelopes) {
            runner.handle(tenants, envelope);
            runner.handle(statistics, envelope);
            runner.handle(resources, envelope);
            runner.handle(domains, envelope);
        }
    }
}
