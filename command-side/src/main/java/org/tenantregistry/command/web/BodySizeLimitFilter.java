package org.tenantregistry.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads every request's body into memory, whatever the method, path or framing, but never more than the limit: a
 * declared (Content-Length) or streamed (chunked) body above it is refused with 413 before any parser sees it, and
 * no more than the limit and one byte is ever read. The buffered body also lets {@link IdempotencyFilter}
 * fingerprint it. Refusals go through the MVC exception resolvers so that they are problem details like every other
 * error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final HandlerExceptionResolver resolver;

    BodySizeLimitFilter(RequestLimitsProperties properties,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.limit = properties.maxBodySize().toBytes();
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(Math.toIntExact(limit + 1));
        }
        if (body.length > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        // The rest of the body stays unread: the connection must not be reused for a next request.
        response.setHeader("Connection", "close");
        resolver.resolveException(request, response, null, new PayloadTooLargeException(limit));
    }
}
