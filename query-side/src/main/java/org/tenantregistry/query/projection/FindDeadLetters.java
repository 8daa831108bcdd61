package org.tenantregistry.query.projection;

import java.util.UUID;

/**
 * A page of dead letters, oldest first.
 *
 * @param projection null for every projection
 * @param tenantId   null for every tenant
 * @param skipped    false for the open ones (those that hold their tenant back), true for the skipped ones
 * @param page       1-based
 */
public record FindDeadLetters(String projection, UUID tenantId, boolean skipped, int page, int perPage) {

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
