package org.tenantregistry.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * The one {@link RunningSystem} that every system test of this JVM shares, with two instances of each side: starting
 * the registry takes most of a system test's time, so the first test class that asks for it starts it, and JUnit
 * closes it after the last one. A test class gets it as a parameter of its {@code @BeforeAll} method.
 */
final class SharedSystem implements ParameterResolver {

    static final int COMMAND_INSTANCES = 2;
    static final int QUERY_INSTANCES = 2;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public RunningSystem resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Kept in the root context's store: JUnit closes it (an AutoCloseable) once every test class has run.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningSystem.class, key -> start(), RunningSystem.class);
    }

    private static RunningSystem start() {
        try {
            return RunningSystem.start(COMMAND_INSTANCES, QUERY_INSTANCES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
