package org.tenantregistry.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of every record on {@link TenantTopics#TENANT_EVENTS}: one event with what a consumer needs to order,
 * deduplicate and attribute it.
 *
 * @param eventId       unique per event; the same event redelivered keeps its id
 * @param type          the event's record name, such as {@code TenantCreated}
 * @param tenantId      also the record key
 * @param sequence      the event's position in its tenant's stream: 0, 1, 2, ... without gaps
 * @param occurredAt    when the change was made
 * @param actor         who made it ({@code anonymous} when unknown)
 * @param correlationId the request that caused it
 * @param clientId      the OAuth2 client of the token that made it; null when there was none
 * @param reason        why, as the request said it ({@code X-Change-Reason}); null when it did not
 * @param schemaVersion the version of {@code data}'s shape for this type
 * @param data          the event record as JSON
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantEventEnvelope(
        UUID eventId,
        String type,
        UUID tenantId,
        long sequence,
        Instant occurredAt,
        String actor,
        String correlationId,
        String clientId,
        String reason,
        int schemaVersion,
        JsonNode data) {

    /** The same envelope around other data: the same event with its personal fields sealed or erased. */
    public TenantEventEnvelope withData(JsonNode otherData) {
        return new TenantEventEnvelope(eventId, type, tenantId, sequence, occurredAt, actor, correlationId, clientId,
                reason, schemaVersion, otherData);
    }
}
