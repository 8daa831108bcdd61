package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant registered a DID: {@code number} in E.164 (such as {@code +4930123456}), unique across all tenants. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DidRegistered(UUID tenantId, UUID resourceId, String number) implements TenantEvent {
}
