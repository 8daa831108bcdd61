package org.tenantregistry.support.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A 403 for a browser on the console's pages is a page saying so (a missing scope, or a form without its CSRF token),
 * not a problem document; every other request still gets the API's 403 problem.
 */
final class ConsoleAccessDenied implements AccessDeniedHandler {

    private static final byte[] PAGE = page();

    private final AccessDeniedHandler api;

    ConsoleAccessDenied(AccessDeniedHandler api) {
        this.api = api;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!ConsoleEntryPoint.isConsole(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            api.handle(request, response, denied);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.setContentLength(PAGE.length);
        response.getOutputStream().write(PAGE);
    }

    private static byte[] page() {
        try (InputStream page = new ClassPathResource("console/forbidden.html").getInputStream()) {
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
