package org.tenantregistry.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the event store.
 *
 * @param snapshotThreshold a snapshot of a tenant is taken every this many events, so loading stays fast
 * @param gapTimeout        how long a tracking processor waits for an event whose global index was handed out but
 *                          not yet committed; past it the event is skipped for good (Axon issue 4829), so it is far
 *                          above any command transaction's duration
 */
@ConfigurationProperties("tenant-registry.event-store")
public record AxonProperties(
        @DefaultValue("50") int snapshotThreshold,
        @DefaultValue("10m") Duration gapTimeout) {
}
