package org.tenantregistry.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The audit trail's tamper evidence.
 *
 * @param checkpointInterval how often a checkpoint over every tenant's chain head is taken (0: never, as in tests,
 *                           which take them themselves)
 */
@ConfigurationProperties("tenant-registry.audit")
public record AuditProperties(@DefaultValue("1h") Duration checkpointInterval) {
}
