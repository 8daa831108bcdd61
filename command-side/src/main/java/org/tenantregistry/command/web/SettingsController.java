package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.tenant.ChangeSettings;
import org.tenantregistry.support.security.Caller;
import org.tenantregistry.support.web.TenantAnswer;

import java.util.Map;

/**
 * Seed 003's {@code PUT /api/settings}: a client admin (a token with {@code tenant_id} and {@code settings.manage})
 * changes its own tenant's name, branding and settings: {@link ChangeSettings}, a merge patch of those fields onto that
 * tenant with the same rules as {@code PATCH /api/tenants/{id}}.
 */
@RestController
@Tag(name = "Settings (seed 003)", description = "A client admin changes its own tenant's settings and branding")
class SettingsController {

    private static final String EXAMPLE = """
            {"name": "Acme Corp", "currency": "USD", "logo_url": "https://acme.com/logo.png", "accent_color": "#3b82f6"}""";

    private final CommandDispatcher commands;

    SettingsController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping(path = "/api/settings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the caller's own tenant's settings and branding (seed 003)",
            description = "For a client admin's token (tenant_id claim, settings.manage scope). Members present "
                    + "overwrite, settings merge (JSON Merge Patch); left-out fields stay. Only name, currency, "
                    + "accent_color, logo_url, timezone and settings: any other field is 422. A token without "
                    + "tenant_id is 403: MSP admins change a tenant with PUT or PATCH /api/tenants/{id}.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(type = "object"), examples = @ExampleObject(name = "branding", value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Changed: the tenant's whole record",
            headers = @Header(name = HttpHeaders.ETAG, description = "the tenant's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TenantAnswer.class)))
    ResponseEntity<TenantAnswer> change(@RequestBody Map<String, Object> body,
                                        @IfMatchHeader @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        if (caller.tenantId() == null) {
            throw new NotTenantBoundException();
        }
        return TenantAnswers.ok(commands.send(new ChangeSettings(caller.tenantId(),
                VersionTags.expectedVersion(ifMatch), body), request), "Settings updated successfully.");
    }
}
