package org.tenantregistry.support.web;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalConverter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * A tenant id in a path, as a UUID or as the tenant's short number (the replaced APIs address tenants as
 * {@code /api/tenants/1042}): registered for String to UUID path variables named {@code id}, so that every path that
 * takes a tenant id takes the number too, endpoints to come included, and no other id (a resource's) is mistaken
 * for one. A number no tenant has fails the conversion with {@link UnknownTenantNumberException}, which the sides
 * answer with 404.
 */
public final class TenantIdConverter implements Converter<String, UUID>, ConditionalConverter {

    /** The name of the path variable that holds a tenant id, on every endpoint. */
    public static final String TENANT_ID = "id";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private final IntFunction<Optional<UUID>> tenantOfNumber;

    public TenantIdConverter(IntFunction<Optional<UUID>> tenantOfNumber) {
        this.tenantOfNumber = tenantOfNumber;
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (!(targetType.getSource() instanceof MethodParameter parameter)
                || !parameter.hasParameterAnnotation(PathVariable.class)) {
            return false;
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        String declared = variable.name().isEmpty() ? variable.value() : variable.name();
        String name = declared.isEmpty() ? parameter.getParameterName() : declared;
        return TENANT_ID.equals(name);
    }

    @Override
    public UUID convert(String source) {
        String value = source.strip();
        if (NUMBER.matcher(value).matches()) {
            int number = Integer.parseInt(value);
            return tenantOfNumber.apply(number).orElseThrow(() -> new UnknownTenantNumberException(number));
        }
        return UUID.fromString(value);
    }

    /** No tenant was given the number. */
    public static final class UnknownTenantNumberException extends RuntimeException {

        public UnknownTenantNumberException(int number) {
            super("No tenant has the number " + number + ".");
        }

        /** The exception somewhere in a conversion failure's causes, if it is one. */
        public static Optional<UnknownTenantNumberException> in(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnknownTenantNumberException unknown) {
                    return Optional.of(unknown);
                }
            }
            return Optional.empty();
        }
    }
}
