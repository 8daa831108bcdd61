package org.tenantregistry.support.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Where an unauthenticated request goes: a browser on the console's pages to the login page (a 303, or for an htmx
 * request an {@code HX-Redirect} that makes the whole page move), every other request to the API's 401 problem. A
 * session cookie that failed (expired, signed with an old key) is cleared on the way, so that the login page, which
 * would refuse the same cookie, does not send the browser round in circles.
 */
public final class ConsoleEntryPoint implements AuthenticationEntryPoint {

    /** The console's pages, on both sides: the login page itself, the rest under it. */
    public static final String CONSOLE = "/console";
    /** The console's login page, on the query side; it posts to {@code /console/login} on the command side. */
    public static final String LOGIN_PAGE = CONSOLE;

    private final AuthenticationEntryPoint api;

    ConsoleEntryPoint(AuthenticationEntryPoint api) {
        this.api = api;
    }

    /** Whether the path is one of the console's (its pages, its forms' targets, its assets). */
    static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException, ServletException {
        if (!isConsole(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            api.commence(request, response, failure);
            return;
        }
        SessionCookie.clear(request, response);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", LOGIN_PAGE);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, LOGIN_PAGE);
    }
}
