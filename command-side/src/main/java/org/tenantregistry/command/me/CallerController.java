package org.tenantregistry.command.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantStates;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.support.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Who the caller is ({@code GET /api/me}) and seed 001's "switch tenant" ({@code PUT /api/tenants/{id}/switch}):
 * the tenant the caller works in, kept here on the command side per token subject and client.
 */
@RestController
@Tag(name = "Caller", description = "Who the caller is, and the tenant it currently works in (seed 001's switch)")
class CallerController {

    @Schema(name = "Caller", description = "The caller as its validated token says, and its current tenant")
    public record CallerData(
            @Schema(description = "the token's sub", example = "ops@example.com") String subject,
            @JsonProperty("client_id") @Schema(description = "the OAuth2 client the token was issued to")
            @Nullable String clientId,
            @Schema(description = "the scopes granted; tenants.manage counts as tenants:read and tenants:write")
            List<String> scopes,
            @JsonProperty("partner_id") @Schema(description = "an MSP admin's partner: it sees only its tenants")
            @Nullable String partnerId,
            @JsonProperty("tenant_id") @Schema(description = "a client admin's own tenant: the one it may change")
            @Nullable UUID tenantId,
            @JsonProperty("current_tenant_id")
            @Schema(description = "the tenant last switched to or created, else the token's tenant_id")
            @Nullable UUID currentTenantId) {
    }

    @Schema(name = "CallerAnswer")
    public record CallerAnswer(@Schema(example = "Caller loaded successfully.") String message, CallerData data) {
    }

    @Schema(name = "SwitchAnswer", description = "Seed 001's {\"success\": true}, with the caller as it is now")
    public record SwitchAnswer(boolean success, @Schema(example = "Tenant switched successfully.") String message,
                               CallerData data) {
    }

    private final CurrentTenants currentTenants;
    private final TenantStates tenants;

    CallerController(CurrentTenants currentTenants, TenantStates tenants) {
        this.currentTenants = currentTenants;
        this.tenants = tenants;
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who the caller is",
            description = "The token's subject, client, scopes, partner and tenant, and the caller's current tenant.")
    @ApiResponse(responseCode = "200", description = "The caller", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CallerAnswer.class)))
    CallerAnswer me(@AuthenticationPrincipal Caller caller) {
        return new CallerAnswer("Caller loaded successfully.", describe(caller));
    }

    @PutMapping(path = "/api/tenants/{id}/switch", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Switch the caller's current tenant (seed 001)",
            description = "Makes the tenant the caller's current one, shown by GET /api/me; creating a tenant does "
                    + "the same. Only a tenant the caller may see: another partner's, another tenant's or an unknown "
                    + "id is 404. A trashed tenant (deactivated or deleted) is 409: activate or restore it first. "
                    + "Repeating a switch changes nothing.")
    @ApiResponse(responseCode = "200", description = "Switched", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SwitchAnswer.class)))
    SwitchAnswer switchTo(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        TenantState tenant = tenants.of(id);
        if (!caller.sees(tenant.details().partnerId(), id)) {
            throw new AggregateNotFoundException(id.toString(), "no tenant " + id + " for this caller");
        }
        // Seed 001's trash (is_trashed): a deactivated or deleted tenant is no place to work in.
        if (tenant.status() == TenantStatus.DEACTIVATED || tenant.status() == TenantStatus.DELETED) {
            throw new IllegalTransitionException(tenant.status(), "switch to");
        }
        currentTenants.moveTo(caller, id);
        return new SwitchAnswer(true, "Tenant switched successfully.", describe(caller));
    }

    private CallerData describe(Caller caller) {
        return new CallerData(caller.subject(), caller.clientId(), caller.scopes().stream().sorted().toList(),
                caller.partnerId(), caller.tenantId(), currentTenants.of(caller).orElse(null));
    }
}
