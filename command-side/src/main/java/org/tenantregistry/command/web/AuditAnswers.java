package org.tenantregistry.command.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.audit.AuditedEvent;
import org.tenantregistry.command.audit.PastState;
import org.tenantregistry.command.audit.RepresentationDiff;
import org.tenantregistry.command.audit.RepresentationDiff.Change;
import org.tenantregistry.command.domain.CustomDomain;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.support.web.TenantRepresentation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The audit endpoints' answers: each event with who, when, why and what it changed, the change as a diff of the
 * tenant's REST representation (the record a write answers, with the custom domains) before and after it, in the
 * representation's own JSON names; and the tenant as it was at a moment of its past.
 */
@Component
public class AuditAnswers {

    static final String HISTORY_FETCHED = "History fetched successfully.";
    static final String EVENTS_FETCHED = "Events fetched successfully.";
    static final String TENANT_LOADED = "Tenant loaded successfully.";

    /** Every event moves these; the entry's sequence and occurred_at say them already. */
    static final Set<String> MOVED_BY_EVERY_EVENT = Set.of("version", "updated_at");

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JsonMapper json;

    AuditAnswers(JsonMapper json) {
        this.json = json;
    }

    /** One stored event as the audit trail shows it. */
    @Schema(name = "AuditedEvent", description = "One stored event: what happened, when, who did it and why, and "
            + "what it changed in the tenant's representation")
    public record Entry(
            @JsonProperty("tenant_id") UUID tenantId,
            @Schema(description = "the event's global position in the event store, across tenants; GET /api/events "
                    + "reads on after it", example = "48213") long position,
            @Schema(description = "the event's place in the tenant's stream, from 0", example = "3") long sequence,
            @Schema(description = "the tenant's version after the event (sequence + 1): what at_version reads",
                    example = "4") long version,
            @JsonProperty("event_id") String eventId,
            @Schema(description = "the event's name in the contract", example = "TenantMaxExtensionsChanged")
            String type,
            @JsonProperty("occurred_at") Instant occurredAt,
            @Schema(description = "the subject of the token that made the change; null for an event no request caused",
                    example = "test-admin") @Nullable String actor,
            @Schema(description = "the OAuth2 client the token was issued to")
            @JsonProperty("client_id") @Nullable String clientId,
            @Schema(description = "what the request's X-Change-Reason said", example = "contract upgrade")
            @Nullable String reason,
            @Schema(description = "the request's X-Request-Id")
            @JsonProperty("correlation_id") @Nullable String correlationId,
            @Schema(description = "the client's address (the forwarded one, behind a trusted proxy)")
            @JsonProperty("client_address") @Nullable String clientAddress,
            @Schema(description = "each field of the tenant's representation that the event changed, with its value "
                    + "before (null for a tenant just created) and after; nested values (settings, domains) compared "
                    + "whole; version and updated_at, which every event moves, are left out",
                    example = "{\"max_extensions\": {\"from\": 50, \"to\": 100}}")
            Map<String, Change> changes) {
    }

    @Schema(name = "AuditLinks")
    record Links(@Schema(description = "the next page; null when this one holds the last matching events")
                 @Nullable String next) {
    }

    @Schema(name = "TenantHistory", description = "A page of one tenant's events")
    record HistoryAnswer(@Schema(example = HISTORY_FETCHED) String message, List<Entry> data, Links links) {
    }

    @Schema(name = "AuditEvents", description = "A page of events across tenants, oldest first")
    record EventsAnswer(
            @Schema(example = EVENTS_FETCHED) String message, List<Entry> data, Links links,
            @Schema(description = "the position everything up to which was read: pass it as after to read on, also "
                    + "to poll for newer events once links.next is null", example = "48213") long cursor) {
    }

    public Entry entry(AuditedEvent event) {
        Map<String, Object> before = event.before() == null ? null : audited(event.before());
        return new Entry(event.tenantId(), Objects.requireNonNull(event.position()), event.sequence(),
                event.version(), event.eventId(), event.type(), event.occurredAt(), event.actor(), event.clientId(),
                event.reason(), event.correlationId(), event.clientAddress(),
                RepresentationDiff.between(before, audited(event.after()), MOVED_BY_EVERY_EVENT));
    }

    /**
     * The tenant as it was: the record a write answers, resource counts included, with its custom domains in short
     * as a single tenant's read shows them (their status as it stood at that moment).
     */
    public TenantRepresentation past(PastState past) {
        TenantState state = past.state();
        List<Map<String, Object>> domains = state.domains().stream().map(domain -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", domain.id());
            entry.put("domain", domain.name());
            entry.put("status", domain.verified() ? "verified" : domain.expiredAt(past.at()) ? "expired" : "pending");
            entry.put("is_primary", isPrimary(state, domain));
            return entry;
        }).toList();
        return TenantAnswers.representation(state, withDomains(domains));
    }

    /**
     * The representation an event's diff compares, as flat JSON fields. Its custom domains carry what their events
     * change (verified, primary, the token's expiry, failed checks in a row), and no status: a token expires with
     * time, not with an event, and the diff of an unrelated event must not show it.
     */
    Map<String, Object> audited(TenantState state) {
        List<Map<String, Object>> domains = state.domains().stream().map(domain -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", domain.id());
            entry.put("domain", domain.name());
            entry.put("verified", domain.verified());
            entry.put("is_primary", isPrimary(state, domain));
            entry.put("token_expires_at", domain.tokenExpiresAt());
            entry.put("consecutive_failures", domain.consecutiveFailures());
            return entry;
        }).toList();
        return json.convertValue(TenantAnswers.representation(state, withDomains(domains)), FIELDS);
    }

    private static boolean isPrimary(TenantState state, CustomDomain domain) {
        return domain.name().equals(state.details().domain());
    }

    private static TenantRepresentation.Relations withDomains(List<Map<String, Object>> domains) {
        return new TenantRepresentation.Relations(null, null, null, null, domains);
    }
}
