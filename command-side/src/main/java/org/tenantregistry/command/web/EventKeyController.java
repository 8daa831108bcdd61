package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.erasure.TenantKeys;
import org.tenantregistry.events.TenantEventKey;

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
}
