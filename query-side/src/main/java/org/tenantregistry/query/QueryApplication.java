package org.tenantregistry.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query side of tenant-registry: tenant events from Kafka into PostgreSQL read models, served over REST. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApplication.class, args);
    }
}
