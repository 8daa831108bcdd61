package org.tenantregistry.command.config;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.command.publishing.KafkaPublisher;

import java.time.Duration;
import java.util.Map;

/** The Kafka clients of the command side: one idempotent producer for the publisher, one admin for topic and health. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean(destroyMethod = "")
    Admin kafkaAdmin(KafkaConnectionProperties connection, TenantKafkaProperties properties) {
        int timeout = Math.toIntExact(properties.adminTimeout().toMillis());
        return Admin.create(connection.clientConfig(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "command-side-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout)));
    }

    /**
     * Idempotent, {@code acks=all}, at most 5 requests in flight: the broker drops a retried duplicate and keeps the
     * records of one partition in the order they were sent, even across retries. The publisher sends a whole batch
     * before it waits, so records of many tenants share requests; of one tenant it sends the next record only after
     * the previous one was acknowledged (see {@code PublicationBatch}). One producer serves every segment's thread.
     */
    @Bean(destroyMethod = "")
    Producer<String, byte[]> tenantEventProducer(KafkaConnectionProperties connection,
                                                 TenantKafkaProperties properties) {
        return new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "command-side-publisher",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(properties.requestTimeout().toMillis()),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(properties.deliveryTimeout().toMillis()),
                // send() blocks for metadata while no broker answers; bounded so the processor can back off and retry.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.deliveryTimeout().toMillis(),
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000)),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    TenantEventsTopic tenantEventsTopic(Admin kafkaAdmin, TenantKafkaProperties properties,
                                        KafkaConnectionProperties connection) {
        return new TenantEventsTopic(kafkaAdmin, properties, connection.bootstrapServersAsString());
    }

    /**
     * Once every bean exists, before the web server and the publisher start: a topic that would lose history stops
     * the start before a single write is accepted.
     */
    @Bean
    SmartInitializingSingleton tenantEventsTopicAtStartUp(TenantEventsTopic tenantEventsTopic) {
        return tenantEventsTopic::ensureExistsUnlessBrokerIsAway;
    }

    @Bean
    KafkaClientsShutdown kafkaClientsShutdown(Producer<String, byte[]> tenantEventProducer, Admin kafkaAdmin,
                                              TenantKafkaProperties properties) {
        return new KafkaClientsShutdown(tenantEventProducer, kafkaAdmin, properties.adminTimeout());
    }

    /**
     * A failing publish must stop the processor, which then retries the batch with back-off; Axon's default for event
     * handlers only logs the error and moves the token on, which would lose the event for Kafka.
     */
    @Bean
    ConfigurerModule kafkaPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }

    /** Closes the clients with a bound, so a broker that is down does not hold up the shutdown. */
    record KafkaClientsShutdown(Producer<String, byte[]> producer, Admin admin, Duration timeout)
            implements org.springframework.beans.factory.DisposableBean {

        @Override
        public void destroy() {
            producer.close(timeout);
            admin.close(timeout);
        }
    }
}
