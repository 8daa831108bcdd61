package org.tenantregistry.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The PostgreSQL started when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where its data lives across restarts; empty for a throw-away database (tests)
 * @param port          0 to let the operating system choose a free port
 */
@ConfigurationProperties("tenant-registry.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port) {
}
