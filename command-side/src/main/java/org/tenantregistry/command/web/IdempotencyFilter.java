package org.tenantregistry.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;
import org.tenantregistry.command.web.IdempotencyKeyRefusedException.Reason;
import org.tenantregistry.command.web.IdempotencyKeys.Claimed;
import org.tenantregistry.command.web.IdempotencyKeys.InFlight;
import org.tenantregistry.command.web.IdempotencyKeys.Replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creates, as Stripe does it: a retry of the same request gets the first answer again and
 * creates nothing; the key reused for another request is refused with 422; a retry while the first still runs gets
 * 409. Server errors (5xx) are not remembered, so their retry runs again. Only creates need this (of a tenant and of
 * a tenant's resource): every other write can be made safe with {@code If-Match}. Keys are per caller
 * ({@link CommandMetadataResolver#caller}). For a tenant the stored answer is a convenience: should it be lost, the
 * retry still finds the tenant its key named ({@link IdempotentTenantIds}) instead of creating another.
 */
@Component
// After Spring Security's filter chain (at -100, SecurityFilterProperties.DEFAULT_FILTER_ORDER), which also holds the
// rate limit: keys are scoped by the authenticated caller.
@Order(-80)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** The creates: of a tenant (also on seed 004's path) and of a tenant's resource. */
    private static final Pattern CREATES = Pattern.compile(
            "/api/tenants(/[^/]+/(extensions|dids|queues|rates|users))?|/api/v1/admin/tenants/?");
    private static final List<String> REMEMBERED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    private final IdempotencyKeys keys;
    private final CommandMetadataResolver metadata;
    private final HandlerExceptionResolver resolver;

    IdempotencyFilter(IdempotencyKeys keys, CommandMetadataResolver metadata,
                      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.keys = keys;
        this.metadata = metadata;
        this.resolver = resolver;
    }

    /** Matches the decoded path without path parameters, as the handler mapping does. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !CREATES.matcher(UrlPathHelper.defaultInstance.getPathWithinApplication(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        if (!ACCEPTABLE.matcher(key).matches() || buffered == null) {
            resolver.resolveException(request, response, null, new IdempotencyKeyRefusedException(Reason.MALFORMED));
            return;
        }
        String scopedKey;
        try {
            scopedKey = IdempotencyKeys.scoped(metadata.caller(request), key);
        } catch (InvalidHeaderException e) {
            resolver.resolveException(request, response, null, e);
            return;
        }
        IdempotencyKeys.Outcome outcome = keys.claim(scopedKey, fingerprint(buffered));
        if (outcome instanceof Claimed) {
            // The request as it came, not the buffered one inside it: that would drop Spring Security's wrapper,
            // and with it the caller that the controller scopes the tenant's id by.
            runAndRemember(scopedKey, request, response, chain);
        } else if (outcome instanceof Replay replay) {
            replay(replay, response);
        } else {
            Reason reason = outcome instanceof InFlight ? Reason.IN_FLIGHT : Reason.OTHER_REQUEST;
            resolver.resolveException(request, response, null, new IdempotencyKeyRefusedException(reason));
        }
    }

    private void runAndRemember(String key, HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : REMEMBERED_HEADERS) {
                    if (recorded.getHeader(name) != null) {
                        headers.put(name, recorded.getHeader(name));
                    }
                }
                keys.complete(key, recorded.getStatus(), headers, recorded.getContentAsByteArray());
                remembered = true;
            }
        } finally {
            if (!remembered) {
                keys.release(key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(Replay replay, HttpServletResponse response) throws IOException {
        response.setStatus(replay.status());
        replay.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(replay.body().length);
        response.getOutputStream().write(replay.body());
    }

    /** Method, path and the exact body bytes: a retry must be the same request, not merely an equivalent one. */
    private static String fingerprint(BufferedBodyRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
            sha256.update((request.getMethod() + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
