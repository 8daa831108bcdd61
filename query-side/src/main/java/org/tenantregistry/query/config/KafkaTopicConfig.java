package org.tenantregistry.query.config;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.tenantregistry.events.TopicRequirements;
import org.tenantregistry.support.kafka.TopicSettingsReader;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The admin client that checks the topic and the broker, at start-up and for health. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfig {

    /** Long enough for a broker that is there, short enough not to hold up a start without one for long. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(3);

    /** Its calls give up after the timeout, so closing it at shutdown waits no longer than that either. */
    @Bean
    Admin topicAdmin(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "query-side-topic-check");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(config);
    }

    @Bean
    TenantEventsTopicCheck tenantEventsTopicCheck(Admin topicAdmin, QueryProperties properties,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new TenantEventsTopicCheck(properties.topic(), new TopicSettingsReader(topicAdmin, ADMIN_TIMEOUT),
                new TopicRequirements(bootstrapServers, OptionalInt.empty()));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin topicAdmin, TenantEventsTopicCheck tenantEventsTopicCheck,
                                              KafkaListenerEndpointRegistry listeners) {
        return new KafkaHealthIndicator(topicAdmin, tenantEventsTopicCheck, listeners, ADMIN_TIMEOUT);
    }
}
