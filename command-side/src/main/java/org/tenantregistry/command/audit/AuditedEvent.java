package org.tenantregistry.command.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.tenantregistry.command.tenant.CommandMetadata;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantStep;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event as an auditor reads it: what happened, when, who did it (the token's subject and client), why,
 * from where and in which request, with the tenant's state before and after it. The metadata is what the command
 * carried (see {@link CommandMetadata}); an event the registry raised on its own (a scheduled re-check of a domain)
 * has the actor of the job that raised it, or none.
 *
 * @param position the event's global index in the event store, across tenants
 * @param sequence the event's place in the tenant's stream, from 0; the tenant's version after it is
 *                 {@code sequence + 1}
 * @param type     the event's name in the contract, e.g. {@code TenantMaxExtensionsChanged}
 * @param before   null for the event that created the tenant
 */
public record AuditedEvent(UUID tenantId, Long position, long sequence, String eventId, String type,
                           Instant occurredAt, String actor, String clientId, String reason, String correlationId,
                           String clientAddress, TenantState before, TenantState after) {

    static AuditedEvent of(TenantStep step, TenantState before, Long position) {
        DomainEventMessage<?> event = step.event();
        return new AuditedEvent(UUID.fromString(event.getAggregateIdentifier()), position,
                event.getSequenceNumber(), event.getIdentifier(), typeOf(event), event.getTimestamp(),
                metadata(event, CommandMetadata.ACTOR), metadata(event, CommandMetadata.CLIENT_ID),
                metadata(event, CommandMetadata.REASON), metadata(event, CommandMetadata.CORRELATION_ID),
                metadata(event, CommandMetadata.CLIENT_ADDRESS), before, step.state());
    }

    AuditedEvent at(Long globalPosition) {
        return new AuditedEvent(tenantId, globalPosition, sequence, eventId, type, occurredAt, actor, clientId, reason,
                correlationId, clientAddress, before, after);
    }

    /** The tenant's version after the event, what {@code at_version} asks for. */
    public long version() {
        return sequence + 1;
    }

    /** The contract's name of an event's type. */
    static String typeOf(DomainEventMessage<?> event) {
        Class<?> payload = event.getPayloadType();
        return TenantEvent.class.isAssignableFrom(payload)
                ? TenantEventTypes.nameOf(payload.asSubclass(TenantEvent.class)) : payload.getSimpleName();
    }

    private static String metadata(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
