package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.erasure.TenantKeys;
import org.tenantregistry.events.TenantEventKey;
import org.tenantregistry.events.TenantEventKeys;
import org.tenantregistry.support.web.InvalidParametersException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenants' keys for the sealed personal fields on the topic (README "Erasure"), for downstream services. */
@RestController
@Tag(name = "Event keys", description = "The keys that open the personal fields sealed in the topic's envelopes")
class EventKeyController {

    private final TenantKeys keys;

    EventKeyController(TenantKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/api/event-keys/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A tenant's key for its sealed fields",
            description = "AES-256-GCM key (base64url) that opens the fields of the tenant's envelopes whose value "
                    + "starts with sealed:v1: (README \"Erasure\"). After the tenant's purge this answers 410 for "
                    + "ever: drop the key and treat those fields as null. Needs tenants:read on a token bound to no "
                    + "partner or tenant. Keep a key no longer than a few minutes.")
    @ApiResponse(responseCode = "200", description = "The key")
    ResponseEntity<TenantEventKey> key(@PathVariable UUID id) {
        TenantEventKey key = keys.of(id).orElseThrow(() -> new AggregateNotFoundException(id.toString(),
                "no event of the tenant has a sealed field"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(key);
    }

    @GetMapping(path = "/api/event-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Many tenants' keys at once",
            description = "The keys of up to " + TenantEventKeys.MAX_TENANTS + " tenants (tenant_id repeated, or "
                    + "comma-separated), for a consumer catching up or rebuilding: one request per batch of "
                    + "records instead of one per tenant. Each tenant named is in keys, in shredded (purged: treat "
                    + "its sealed fields as null) or in unknown (none of its events holds a sealed field). Needs "
                    + "tenants:read on a token bound to no partner or tenant.")
    @ApiResponse(responseCode = "200", description = "The keys, the destroyed and the unknown")
    ResponseEntity<TenantEventKeys> keys(
            @Parameter(description = "a tenant's UUID; 1 to " + TenantEventKeys.MAX_TENANTS + " of them")
            @RequestParam(name = "tenant_id", required = false) List<String> tenantIds) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(keys.of(tenantIdsOf(tenantIds)));
    }

    private static List<UUID> tenantIdsOf(List<String> raw) {
        List<UUID> tenantIds = new ArrayList<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            for (String id : value.split(",")) {
                try {
                    tenantIds.add(UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidParametersException(HttpStatus.BAD_REQUEST,
                            Map.of("tenant_id", "must be UUIDs, such as 6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20"));
                }
            }
        }
        if (tenantIds.isEmpty() || tenantIds.size() > TenantEventKeys.MAX_TENANTS) {
            throw new InvalidParametersException(HttpStatus.UNPROCESSABLE_CONTENT,
                    Map.of("tenant_id", "must name 1 to " + TenantEventKeys.MAX_TENANTS + " tenants"));
        }
        return tenantIds;
    }
}
