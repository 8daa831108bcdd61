package org.tenantregistry.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.HexFormat;

/**
 * Refuses with 400, right after the command side's request id filter and before any other filter of ours, every
 * request whose path is not in canonical form, because Tomcat and Spring route {@code /api/tenants;x=1} or
 * {@code /%61pi/tenants} to the same handler while a filter matching paths would not recognise them. Spring
 * Security's {@link StrictHttpFirewall} does the checks (path parameters, encoded {@code / \ . %}, {@code //},
 * {@code /./}, {@code /../}, NUL, line breaks, non-printable characters); escapes of unreserved, control or non-ASCII
 * characters are refused here on top. The parameters are read at once too, so that a query string Tomcat cannot
 * decode ({@code ?=x}, {@code %ff}, a bare {@code %}) or one carrying control characters is a 400 here rather than an
 * exception wherever it is first read. Each side registers it as a bean; the refusals are answered by that side's
 * exception resolvers, so that they are its problem details.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestFirewallFilter extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final HandlerExceptionResolver resolver;

    public RequestFirewallFilter(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
        firewall.setAllowedParameterNames(name -> !name.isEmpty()
                && StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(name));
        firewall.setAllowedParameterValues(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checked = firewall.getFirewalledRequest(request);
            refuseNeedlessEscapes(request.getRequestURI());
            checked.getParameterMap();
        } catch (RequestRejectedException e) {
            resolver.resolveException(request, response, null, e);
            return;
        } catch (InvalidParameterException e) {
            resolver.resolveException(request, response, null, new RequestRejectedException(
                    "The query string cannot be read: a parameter without a name, an incomplete %-escape or an "
                            + "escape that is not UTF-8"));
            return;
        }
        try {
            chain.doFilter(checked, response);
        } catch (RequestRejectedException e) {
            // a header the firewall refuses, found when a later filter first read it
            if (response.isCommitted()) {
                throw e;
            }
            resolver.resolveException(request, response, null, e);
        }
    }

    /** A path says {@code a}, not {@code %61}: any other spelling would be a second name for the same resource. */
    private static void refuseNeedlessEscapes(String uri) {
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
            int decoded;
            try {
                decoded = HexFormat.fromHexDigits(uri, i + 1, i + 3);
            } catch (IllegalArgumentException e) {
                throw new RequestRejectedException("The path holds an incomplete %-escape.");
            }
            boolean unreserved = Character.isLetterOrDigit(decoded) && decoded < 0x80 || "-._~".indexOf(decoded) >= 0;
            if (unreserved || decoded < 0x20 || decoded >= 0x7f) {
                throw new RequestRejectedException("The path must not escape unreserved, control or non-ASCII "
                        + "characters (" + uri.substring(i, i + 3) + ").");
            }
        }
    }
}
