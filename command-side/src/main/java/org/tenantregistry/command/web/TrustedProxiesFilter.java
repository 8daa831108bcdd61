package org.tenantregistry.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} count only when the request comes from a trusted proxy (the gateway):
 * then the client's address, as recorded on the events, is the one the proxy forwards. From anyone else they are
 * removed, so that a client cannot claim another address. Spring's {@link ForwardedHeaderFilter} does the reading or
 * the removing; this only decides which.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TrustedProxiesFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trusted;
    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    TrustedProxiesFilter(TrustedProxiesProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
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
