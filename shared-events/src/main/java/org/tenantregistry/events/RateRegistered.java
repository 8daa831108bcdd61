package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The tenant registered a billing rate: a dialled {@code prefix} (digits, unique within the tenant) and its
 * {@code price} (a decimal, at least 0) in {@code currency} (ISO 4217).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RateRegistered(UUID tenantId, UUID resourceId, String prefix, BigDecimal price, String currency)
        implements TenantEvent {
}
