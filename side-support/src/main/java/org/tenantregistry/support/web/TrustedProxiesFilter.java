package org.tenantregistry.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} count only when the request comes from a trusted proxy (the gateway):
 * then the client's address (recorded on the command side's events) and the host and scheme (in the query side's
 * paginator links) are the ones the proxy forwards. From anyone else they are removed, so that a client can neither
 * claim another address nor make the links point elsewhere. Spring's {@link ForwardedHeaderFilter} does the reading or
 * the removing; this only decides which.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class TrustedProxiesFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trusted;
    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    /** @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the proxies that are believed */
    public TrustedProxiesFilter(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(IpAddressMatcher::new).toList();
        remove.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String proxy = request.getRemoteAddr();
        boolean fromTrustedProxy = trusted.stream().anyMatch(range -> range.matches(proxy));
        (fromTrustedProxy ? honour : remove).doFilter(request, response, chain);
    }
}
