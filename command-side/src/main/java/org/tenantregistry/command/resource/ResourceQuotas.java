package org.tenantregistry.command.resource;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.OptionalInt;

/**
 * How many resources of a kind every tenant may have at most, prefix {@code tenant-registry.quotas}; unset is
 * unlimited. Extensions have no setting here: each tenant's {@code max_extensions} is their quota.
 */
@Validated
@ConfigurationProperties("tenant-registry.quotas")
public record ResourceQuotas(@PositiveOrZero Integer dids, @PositiveOrZero Integer queues,
                             @PositiveOrZero Integer rates, @PositiveOrZero Integer users) {

    public static final ResourceQuotas UNLIMITED = new ResourceQuotas(null, null, null, null);

    /** Empty when the kind has no platform-wide quota. */
    OptionalInt limitOf(ResourceKind kind) {
        Integer limit = switch (kind) {
            case EXTENSIONS -> null;
            case DIDS -> dids;
            case QUEUES -> queues;
            case RATES -> rates;
            case USERS -> users;
        };
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }
}
