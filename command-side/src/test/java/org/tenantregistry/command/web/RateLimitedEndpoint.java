package org.tenantregistry.command.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint only RateLimitIT calls, in a rate limit group of its own (config/application.yml). */
@TestConfiguration(proxyBeanMethods = false)
class RateLimitedEndpoint {

    static final String PATH = "/api/test/rate-limited";

    @RestController
    static class Controller {

        @GetMapping(PATH)
        ResponseEntity<Void> answer() {
            return ResponseEntity.noContent().build();
        }
    }
}
