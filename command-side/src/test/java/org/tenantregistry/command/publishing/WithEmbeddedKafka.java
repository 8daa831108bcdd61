package org.tenantregistry.command.publishing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real KRaft broker per test class, with a Spring context of its own that is closed before the broker stops and
 * before the JVM exits (the broker's shutdown hook deletes its log folder while it may still run). The extension is
 * registered on this superclass, before the subclass's SpringExtension, so its {@code afterAll} runs after the one
 * that closes the dirty context.
 */
@DirtiesContext
@ExtendWith(WithEmbeddedKafka.Broker.class)
public abstract class WithEmbeddedKafka {

    protected static EmbeddedKafkaKraftBroker kafka;

    @DynamicPropertySource
    protected static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.getBrokersAsString());
    }

    public static final class Broker implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            // The publisher creates the topic itself (retention, partitions), so the broker starts without one, and
            // like the local broker and any production one it creates none on a client's request.
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            kafka.destroy();
            kafka = null;
        }
    }
}
