package org.tenantregistry.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.postgres.LocalPostgres;

import java.io.IOException;

/**
 * Zero-configuration start: without {@code spring.datasource.url} the command side runs a real PostgreSQL of its own.
 * Spring closes it after everything that uses it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    LocalPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        LocalPostgres postgres = LocalPostgres.builder()
                .dataDirectory(properties.dataDirectory())
                .port(properties.port())
                .start();
        log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.port(),
                postgres.dataDirectory().map(Object::toString).orElse("a temporary folder"));
        return postgres;
    }

    /** Bound to {@code spring.datasource.hikari}, so the pool is tuned alike for the embedded and a given database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUsername(postgres.superuser());
        dataSource.setPoolName("command-side");
        return dataSource;
    }
}
