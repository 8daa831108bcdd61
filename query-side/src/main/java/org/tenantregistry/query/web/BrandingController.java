package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.query.domain.DomainProperties;
import org.tenantregistry.query.domain.HostBranding;
import org.tenantregistry.query.domain.PublicBranding;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

@RestController
@Tag(name = "Public", description = "Open to anyone, without a token")
class BrandingController {

    private final PublicBranding branding;
    private final JsonMapper json;
    private final CacheControl cacheControl;

    BrandingController(PublicBranding branding, JsonMapper json, DomainProperties properties) {
        this.branding = branding;
        this.json = json;
        this.cacheControl = CacheControl.maxAge(properties.brandingMaxAge()).cachePublic();
    }

    @GetMapping(path = "/api/public/branding", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The branding of the tenant the host belongs to", description = """
            No token needed. The host the client asked for (behind the gateway, the one it forwards) decides: \
            <slug>.<base domain>, a verified custom domain, or the tenant's primary domain (unless that is one of its \
            custom domains not verified). The base domain and the platform's own hosts answer is_tenant false. A slug \
            the tenant gave up, while in quarantine, answers 301 to its current host. Matched case-insensitively, \
            without port or trailing dot, IDNs as A-labels. Cacheable: a strong ETag (If-None-Match answers 304) and \
            Cache-Control public.""")
    @ApiResponse(responseCode = "200", description = "A tenant's branding, or {\"is_tenant\": false} for the platform",
            content = @Content(schema = @Schema(anyOf = {Branding.class, Platform.class}),
                    examples = {@ExampleObject(name = "tenant", value = ApiExamples.BRANDING),
                            @ExampleObject(name = "platform", value = "{\"is_tenant\": false}")}))
    @ApiResponse(responseCode = "301", description = "An old slug: Location is the tenant's current host's branding",
            content = @Content(schema = @Schema(implementation = Moved.class)))
    @ApiResponse(responseCode = "304", description = "If-None-Match held the current ETag")
    @ApiResponse(responseCode = "404", description = "No tenant at this host",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.HOST_NOT_FOUND)))
    ResponseEntity<Object> branding(HttpServletRequest request) {
        HostBranding host = branding.of(request.getServerName());
        return switch (host.kind()) {
            case UNKNOWN -> throw new HostNotFoundException(request.getServerName());
            case MOVED -> ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, location(request, host.movedTo()))
                    .cacheControl(cacheControl)
                    .body(new Moved(true, host.movedTo(), HttpStatus.MOVED_PERMANENTLY.value()));
            case PLATFORM -> cached(request, new Platform(false));
            case TENANT -> cached(request, new Branding(host.name(), host.logoUrl(), host.accentColor(), true));
        };
    }

    /** 200 with a strong ETag of the body, or 304 when the client holds that already. */
    private ResponseEntity<Object> cached(HttpServletRequest request, Object body) {
        String etag = etag(json.writeValueAsBytes(body));
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        // If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix a cache may have added still matches.
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(body);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The same request on the tenant's current host, with the scheme and port the client used. */
    private static String location(HttpServletRequest request, String host) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + "/api/public/branding";
    }

    /** A tenant's branding (seed 003). */
    @Schema(name = "Branding")
    record Branding(
            String name,
            @Schema(description = "null when the tenant has none") @JsonProperty("logo_url") @Nullable String logoUrl,
            @Schema(description = "null when the tenant has none") @JsonProperty("accent_color")
            @Nullable String accentColor,
            @Schema(description = "true") @JsonProperty("is_tenant") boolean isTenant) {
    }

    /** The platform itself: no tenant's branding. */
    @Schema(name = "PlatformBranding")
    record Platform(@Schema(description = "false") @JsonProperty("is_tenant") boolean isTenant) {
    }

    @Schema(name = "BrandingMoved")
    record Moved(@JsonProperty("is_tenant") boolean isTenant, @JsonProperty("moved_to") String movedTo, int status) {
    }
}
