package org.tenantregistry.command.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A fault on the server's side on demand: nothing in the real API fails this way unless something is broken. */
@TestConfiguration(proxyBeanMethods = false)
class FailingEndpoint {

    static final String PATH = "/api/test/failure";
    static final String SECRET = "password=hunter2";

    @RestController
    static class Controller {

        @PostMapping(PATH)
        void fail() {
            throw new IllegalStateException("connection to db failed, " + SECRET);
        }
    }
}
