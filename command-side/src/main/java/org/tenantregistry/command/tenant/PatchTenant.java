package org.tenantregistry.command.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

/**
 * Merge a JSON Merge Patch (RFC 7396) into the tenant (PATCH): members present overwrite, nested objects merge,
 * {@code null} removes. The merge runs on the aggregate's current state, so two patches never lose each other's work.
 */
public record PatchTenant(@TargetAggregateIdentifier UUID tenantId, Long expectedVersion, Map<String, Object> patch) {
}
