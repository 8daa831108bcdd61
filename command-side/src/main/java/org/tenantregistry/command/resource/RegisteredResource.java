package org.tenantregistry.command.resource;

import java.util.Map;
import java.util.UUID;

/**
 * What a registration answers: the new resource with its attributes as stored, and the tenant's version after it.
 *
 * @param attributes JSON names to values, in the order of the event's fields
 */
public record RegisteredResource(UUID resourceId, ResourceKind kind, Map<String, Object> attributes, long version) {
}
