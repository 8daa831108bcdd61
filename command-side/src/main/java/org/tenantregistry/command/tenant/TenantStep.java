package org.tenantregistry.command.tenant;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One event of a tenant's stream and the state it left: the state after this event and every one before it.
 *
 * @param state the tenant as a command would have loaded it at version {@code event.getSequenceNumber() + 1}
 */
public record TenantStep(DomainEventMessage<?> event, TenantState state) {
}
