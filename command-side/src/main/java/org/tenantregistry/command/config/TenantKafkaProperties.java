package org.tenantregistry.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tenantregistry.events.TenantTopics;

import java.time.Duration;

/**
 * Where and how the command side publishes its events. The brokers come from {@code spring.kafka.bootstrap-servers}
 * ({@link KafkaConnectionProperties}), like any Spring application's.
 *
 * @param topic             the topic of every tenant event
 * @param partitions        partitions of the topic when it is created here; the tenant id key keeps one tenant on one
 * @param replicationFactor replicas of each partition when the topic is created here
 * @param requestTimeout    how long the producer waits for one broker answer before it retries the request
 * @param deliveryTimeout   how long the producer keeps trying to deliver one record; the publisher waits a little longer
 *                          for the acknowledgement, so a record it gave up on is never still in flight
 * @param adminTimeout      the limit of one admin call: topic creation and checks, the health check
 * @param repairInterval    how often the published sequences are compared with the event store to republish events
 *                          the tracking processor skipped (gap timeout); zero turns the check off
 * @param healthCheckInterval how often a background check asks the broker for the health endpoint, which answers from
 *                          its last result; one check waits no longer than this (nor than the admin timeout)
 */
@ConfigurationProperties("tenant-registry.kafka")
public record TenantKafkaProperties(
        @DefaultValue(TenantTopics.TENANT_EVENTS) String topic,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("30s") Duration deliveryTimeout,
        @DefaultValue("5s") Duration adminTimeout,
        @DefaultValue("1m") Duration repairInterval,
        @DefaultValue("5s") Duration healthCheckInterval) {

    public TenantKafkaProperties {
        if (deliveryTimeout.compareTo(requestTimeout) < 0) {
            // Kafka refuses a producer whose delivery timeout is below its request timeout (plus linger).
            throw new IllegalArgumentException("tenant-registry.kafka.delivery-timeout must be at least request-timeout");
        }
    }

    /** How long the publisher waits for an acknowledgement: past the producer's own delivery timeout. */
    public Duration acknowledgementWait() {
        return deliveryTimeout.plus(requestTimeout);
    }
}
