package org.tenantregistry.query.web;

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
 * No query takes a body, but a client may send one with any request, declared (Content-Length) or streamed
 * (chunked). A body above the limit is refused with 413, unread when declared; a streamed one is read (and
 * discarded) up to the limit and one byte, never further. Refusals are problem details like every other error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final HandlerExceptionResolver resolver;

    BodySizeLimitFilter(QueryWebProperties properties,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.limit = properties.maxBodySize().toBytes();
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit || request.getContentLengthLong() < 0 && bodyAboveLimit(request)) {
            // The rest of the body stays unread: the connection must not be reused for a next request.
            response.setHeader("Connection", "close");
            resolver.resolveException(request, response, null, new PayloadTooLargeException(limit));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A body without a declared length (chunked, or none at all): count it, never past the limit. */
    private boolean bodyAboveLimit(HttpServletRequest request) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        // Not closed: a handler may still ask for the (then empty) body, and a closed stream would fail it.
        InputStream in = request.getInputStream();
        while (read <= limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - read));
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read > limit;
    }
}
