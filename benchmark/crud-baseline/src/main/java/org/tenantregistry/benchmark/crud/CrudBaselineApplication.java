package org.tenantregistry.benchmark.crud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's yardstick for the command side: what a plain Spring Boot + Spring Data JPA service does for the same
 * create, one row with a unique slug and a unique domain, written the way such a service is usually written.
 */
@SpringBootApplication
public class CrudBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudBaselineApplication.class, args);
    }
}
