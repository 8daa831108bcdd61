package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.command.domain.AddCustomDomain;
import org.tenantregistry.command.domain.DomainState;
import org.tenantregistry.command.domain.DomainVerification;
import org.tenantregistry.command.domain.RemoveCustomDomain;
import org.tenantregistry.command.domain.SetPrimaryDomain;
import org.tenantregistry.command.domain.VerificationTokens;
import org.tenantregistry.command.domain.VerifyDomain;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.events.DnsCheck;
import org.tenantregistry.events.DnsCheckOutcome;
import org.tenantregistry.support.security.Caller;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's custom domains (seed 003's paths): added, verified against DNS, made primary and removed through the
 * tenant's aggregate, which holds the quota and the rules (see {@code command.domain.Domains}). The list is read on
 * the query side.
 */
@RestController
@RequestMapping(path = "/api/tenants/{id}/domains", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Custom domains", description = "Add, verify (against real DNS), make primary and remove a tenant's domains")
class DomainController {

    private static final String ANSWER_EXAMPLE = """
            {"message": "Domain added: create one of the records, then verify it.", "data": {\
            "id": "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98", "tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", \
            "domain": "assets.acme.com", "status": "pending", "is_primary": false, \
            "verification_token": "trv-4f9c2e7a1b3d5f6071829a0b1c2d3e4f", "token_expires_at": "2026-12-11T09:30:00Z", \
            "records": [{"type": "CNAME", "name": "assets.acme.com", "value": "acme.tenants.localhost"}, \
            {"type": "TXT", "name": "_tenant-registry.assets.acme.com", "value": "trv-4f9c2e7a1b3d5f6071829a0b1c2d3e4f"}], \
            "next_step": "Create one of the records, then PUT /api/tenants/6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20/domains/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98/verify.", \
            "last_check": null, "verified_at": null, "created_at": "2026-12-04T09:30:00Z", \
            "updated_at": "2026-12-04T09:30:00Z"}, "version": 2}""";

    private final CommandDispatcher commands;
    private final DomainVerification verification;
    private final VerificationTokens tokens;
    private final Clock clock;

    DomainController(CommandDispatcher commands, DomainVerification verification, VerificationTokens tokens,
                     Clock clock) {
        this.commands = commands;
        this.verification = verification;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Add a custom domain",
            description = "The domain (in the query string, as seed 003 sends it, or as {\"domain\": ...} in a JSON "
                    + "body) must be a registrable name valid under IDNA 2008: no IP address, no public suffix, not "
                    + "the platform's own domain, not held by another tenant or quarantined after its removal. The "
                    + "answer carries the DNS records that prove ownership (a CNAME to the tenant's host, or a TXT "
                    + "record with the token; either is enough) and the token's expiry. Adding a domain the tenant "
                    + "already has answers 200 with it, with a new token if its token expired.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    examples = @ExampleObject(name = "domain", value = "{\"domain\": \"assets.acme.com\"}"))))
    @ApiResponse(responseCode = "201", description = "Added, pending verification",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "/api/tenants/{id}/domains/{did}"),
                    @Header(name = HttpHeaders.ETAG, description = "the tenant's version")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DomainAnswer.class),
                    examples = @ExampleObject(value = ANSWER_EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "The tenant already had the domain (its token renewed if it "
            + "had expired)", content = @Content(schema = @Schema(implementation = DomainAnswer.class)))
    ResponseEntity<DomainAnswer> add(@PathVariable UUID id,
                                     @Parameter(description = "the domain, such as assets.acme.com")
                                     @RequestParam(required = false) String domain,
                                     @RequestBody(required = false) Map<String, Object> body,
                                     HttpServletRequest request) {
        AddCustomDomain command = new AddCustomDomain(id, UUID.randomUUID(), domainOf(domain, body), tokens.next(),
                clock.instant());
        DomainState added = commands.retried(() -> commands.domain(command, request));
        boolean created = added.domain().id().equals(command.domainId());
        ResponseEntity.BodyBuilder answer = created
                ? ResponseEntity.created(URI.create("/api/tenants/" + id + "/domains/" + command.domainId()))
                : ResponseEntity.ok();
        String message = created ? "Domain added: create one of the records, then verify it."
                : added.domain().token().equals(command.verificationToken())
                ? "Domain already added; its token had expired, here is a new one."
                : "Domain already added.";
        return answer.eTag(VersionTags.etag(added.version())).body(DomainAnswer.of(message, id, added, clock.instant()));
    }

    @PutMapping("/{did}/verify")
    @Operation(summary = "Verify a custom domain against DNS",
            description = "Asks the configured DNS resolvers, for real, for the domain's CNAME and for the TXT "
                    + "record of _tenant-registry.<domain>, and records what they showed. The answer is 200 either "
                    + "way: data.status says whether the domain is verified, data.last_check what DNS showed and "
                    + "what to fix. A pending domain whose token expired answers 409 verification-token-expired: "
                    + "add it again for a new token.")
    @ApiResponse(responseCode = "200", description = "Checked: verified, or why not",
            headers = @Header(name = HttpHeaders.ETAG, description = "the tenant's version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DomainAnswer.class)))
    ResponseEntity<DomainAnswer> verify(@PathVariable UUID id, @PathVariable UUID did, HttpServletRequest request) {
        VerifyDomain command = verification.verification(id, did, callerPartner(request));
        DomainState checked = commands.retried(() -> commands.domain(command, request));
        DnsCheck check = Objects.requireNonNull(checked.domain().lastCheck());
        String message = check.outcome() == DnsCheckOutcome.VERIFIED ? "Domain verified."
                : checked.domain().verified() ? "Check failed, the domain stays verified until more checks in a row "
                + "fail: " + check.detail() + "."
                : "Domain not verified: " + check.detail() + ".";
        return ResponseEntity.ok().eTag(VersionTags.etag(checked.version()))
                .body(DomainAnswer.of(message, id, checked, clock.instant()));
    }

    @PutMapping("/{did}/primary")
    @Operation(summary = "Make a verified custom domain the tenant's primary domain",
            description = "The tenant's domain field becomes this domain. The previous primary domain is released "
                    + "(and quarantined) unless it is one of the tenant's custom domains. 409 domain-not-verified "
                    + "for a domain that is not verified.")
    @ApiResponse(responseCode = "200", description = "Primary",
            headers = @Header(name = HttpHeaders.ETAG, description = "the tenant's version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DomainAnswer.class)))
    ResponseEntity<DomainAnswer> makePrimary(@PathVariable UUID id, @PathVariable UUID did,
                                             HttpServletRequest request) {
        DomainState primary = commands.retried(() -> commands.domain(new SetPrimaryDomain(id, did), request));
        return ResponseEntity.ok().eTag(VersionTags.etag(primary.version()))
                .body(DomainAnswer.of("Primary domain changed.", id, primary, clock.instant()));
    }

    @DeleteMapping("/{did}")
    @Operation(summary = "Remove a custom domain",
            description = "The name is quarantined like a released slug before another tenant may add it. The "
                    + "primary domain cannot be removed (409 primary-domain): make another one primary first. Send "
                    + "Prefer: return=minimal for a 204 without a body.")
    @ApiResponse(responseCode = "200", description = "Removed", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DomainAnswer.class),
                    examples = @ExampleObject(value = "{\"message\": \"Domain removed.\", \"version\": 5}")))
    @ApiResponse(responseCode = "204", description = "Removed, with Prefer: return=minimal",
            headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<DomainAnswer> remove(@PathVariable UUID id, @PathVariable UUID did,
                                        @RequestHeader(value = "Prefer", required = false) String prefer,
                                        HttpServletRequest request) {
        long version = commands.retried(() -> commands.version(new RemoveCustomDomain(id, did), request));
        if (prefer != null && prefer.replace(" ", "").toLowerCase(Locale.ROOT).contains("return=minimal")) {
            return ResponseEntity.status(HttpStatus.NO_CONTENT).eTag(VersionTags.etag(version)).build();
        }
        return ResponseEntity.ok().eTag(VersionTags.etag(version))
                .body(new DomainAnswer("Domain removed.", null, version));
    }

    /** The query string's domain, the body's, or both when they agree. */
    private static String domainOf(String query, Map<String, Object> body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String fromBody = null;
        if (body != null) {
            body.keySet().stream().filter(field -> !field.equals("domain"))
                    .forEach(field -> errors.put(field, "is not a field of a custom domain; send only domain"));
            Object value = body.get("domain");
            if (value != null && !(value instanceof String)) {
                errors.put("domain", "must be a string");
            } else {
                fromBody = (String) value;
            }
        }
        if (query != null && fromBody != null && !query.strip().equalsIgnoreCase(fromBody.strip())) {
            errors.put("domain", "differs between the query string and the body; send it once");
        }
        if (!errors.isEmpty()) {
            throw new InvalidTenantException(errors);
        }
        return query != null ? query : fromBody;
    }

    private static String callerPartner(HttpServletRequest request) {
        Caller caller = CommandMetadataResolver.callerOf(request);
        return caller == null ? null : caller.partnerId();
    }
}
