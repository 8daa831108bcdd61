package org.tenantregistry.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The whole registry on one machine: {@code ./mvnw spring-boot:run} at the repository root starts this.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LauncherApplication {

    public static void main(String[] args) {
        SpringApplication.run(LauncherApplication.class, args);
    }
}
