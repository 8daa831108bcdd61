package org.tenantregistry.query.config;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.tenantregistry.postgres.LocalPostgres;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * A real PostgreSQL for a zero-configuration start: active only while {@code spring.datasource.url} is unset, so a
 * launcher or production passes a URL and this whole configuration steps aside for Boot's own data source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    /** Spring closes it last, after the consumers' final commits. */
    @Bean(destroyMethod = "close")
    LocalPostgres embeddedPostgres(QueryProperties properties) throws IOException {
        QueryProperties.EmbeddedPostgres settings = properties.embeddedPostgres();
        LocalPostgres postgres = LocalPostgres.builder()
                .dataDirectory(settings.dataDirectory())
                .cleanDataDirectory(settings.cleanDataDirectory())
                .port(settings.port())
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.port(),
                postgres.dataDirectory().orElseThrow());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUsername(postgres.superuser());
        dataSource.setPoolName("query-embedded-postgres");
        return dataSource;
    }
}
