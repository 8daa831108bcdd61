package org.tenantregistry.query.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.postgres.LocalPostgres;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, EmbeddedPostgresConfig.class);

    @Test
    void aConfiguredDatasourceUrlLeavesTheEmbeddedPostgresOut() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.com:5432/query")
                .run(started -> assertThat(started).doesNotHaveBean(LocalPostgres.class)
                        .doesNotHaveBean(DataSource.class));
    }

    @Test
    void withoutADatasourceUrlAnEmbeddedPostgresKeepsItsDataInTheConfiguredDirectory(@TempDir Path data) {
        context.withPropertyValues("tenant-registry.query.embedded-postgres.data-directory=" + data)
                .run(started -> {
                    assertThat(started).hasSingleBean(LocalPostgres.class);
                    JdbcClient jdbc = JdbcClient.create(started.getBean(DataSource.class));
                    assertThat(jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single())
                            .isEqualTo(data.toRealPath().toString());
                    assertThat(jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single())
                            .isEqualTo("on");
                    assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QueryProperties.class)
    static class Properties {
    }
}
