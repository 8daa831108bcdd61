package org.tenantregistry.launcher;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the launcher starts, and where.
 *
 * @param dataDirectory       PostgreSQL's and Kafka's data, and the sides' logs; kept across restarts
 * @param projectDirectory    the repository root, whose {@code command-side/} and {@code query-side/} were just built
 * @param gatewayPort         the one base URL's port
 * @param commandSidePort     the command side's own port
 * @param querySidePort       the query side's own port
 * @param kafkaPort           the Kafka broker's client port
 * @param kafkaControllerPort the Kafka broker's KRaft controller port
 * @param sideJvmOptions      options of the sides' JVMs
 * @param startupTimeout      how long a side may take to become healthy
 */
@Validated
@ConfigurationProperties("tenant-registry.launcher")
public record LauncherProperties(
        @NotNull Path dataDirectory,
        @NotNull Path projectDirectory,
        @Min(1) @Max(65535) int gatewayPort,
        @Min(1) @Max(65535) int commandSidePort,
        @Min(1) @Max(65535) int querySidePort,
        @Min(1) @Max(65535) int kafkaPort,
        @Min(1) @Max(65535) int kafkaControllerPort,
        @NotNull List<String> sideJvmOptions,
        @NotNull Duration startupTimeout) {
}
