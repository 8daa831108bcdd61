package org.tenantregistry.query.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes each shared Spring test context once the whole test run is over, before the JVM exits. Left to the JVM's
 * shutdown hooks, the context would stop the embedded Kafka broker while the broker's own hook deletes its log
 * directory, and the embedded PostgreSQL could outlive the JVM. Unlike {@code @DirtiesContext}, the context is still
 * shared by every test class that asks for the same configuration.
 */
public class CloseContextAfterAllTests implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CloseContextAfterAllTests.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(applicationContext, Closer::new);
    }

    private record Closer(ApplicationContext context) implements AutoCloseable {

        @Override
        public void close() {
            if (context instanceof ConfigurableApplicationContext configurable && configurable.isActive()) {
                configurable.close();
            }
        }
    }
}
