package org.tenantregistry.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long {@code Idempotency-Key}s are honoured.
 *
 * @param retention       a key and its stored answer are kept this long; afterwards the key may be used again
 * @param inFlightTimeout a key claimed by a request that never stored its answer (the process died) is released after
 *                        this, so that the client's retry is not refused with 409 for the whole retention period
 */
@ConfigurationProperties("tenant-registry.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("2m") Duration inFlightTimeout) {
}
