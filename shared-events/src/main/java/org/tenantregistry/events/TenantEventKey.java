package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * A tenant's key for its envelopes' sealed fields, as {@code GET /api/event-keys/{tenant_id}} answers it while the
 * tenant exists; after its purge that answers 410 Gone, for ever.
 *
 * @param algorithm {@link SealedFields#ALGORITHM}
 * @param key       the 32 key bytes, base64url without padding
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantEventKey(UUID tenantId, String algorithm, String key) {
}
