package org.tenantregistry.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The wire names of the event records, and the schema version each is published with. */
public final class TenantEventTypes {

    /** Every event type is at its first shape; a breaking change raises it for that type, with an upcaster. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private static final Map<String, Class<? extends TenantEvent>> BY_NAME = Arrays
            .stream(TenantEvent.class.getPermittedSubclasses())
            .map(TenantEventTypes::asEventClass)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private TenantEventTypes() {
    }

    public static String nameOf(Class<? extends TenantEvent> eventClass) {
        return eventClass.getSimpleName();
    }

    /** Empty for a type this version of the contract does not know: a tolerant consumer skips it. */
    public static Optional<Class<? extends TenantEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends TenantEvent> asEventClass(Class<?> permitted) {
        return (Class<? extends TenantEvent>) permitted;
    }
}
