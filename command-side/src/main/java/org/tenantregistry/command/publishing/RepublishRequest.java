package org.tenantregistry.command.publishing;

/**
 * What to send again: one tenant's events from a sequence on, or every tenant's from a global position of the event
 * store on. Only events the topic already had (up to each tenant's last published sequence) are sent again.
 *
 * @param tenantId     the one tenant; null for every tenant from {@code fromPosition}
 * @param fromSequence the tenant's first sequence to send, 0 when null
 * @param fromPosition the first global index of the event store to send; with no tenant only
 */
public record RepublishRequest(String tenantId, Long fromSequence, Long fromPosition) {
}
