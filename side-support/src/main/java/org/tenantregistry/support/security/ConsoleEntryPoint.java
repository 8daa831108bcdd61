package org.tenantregistry.support.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an unauthenticated request goes: a browser on the console's pages to the login page (a 303 naming the page
 * asked for, or for an htmx request an {@code HX-Redirect} that makes the whole page move), every other request to
 * the API's 401 problem. A
 * session cookie that failed (expired, signed with an old key) is cleared on the way, so that the login page, which
 * would refuse the same cookie, does not send the browser round in circles.
 */
public final class ConsoleEntryPoint implements AuthenticationEntryPoint {

    /** The console's pages, on both sides: the login page itself, the rest under it. */
    public static final String CONSOLE = "/console";
    /** The console's login page, on the query side; it posts to {@code /console/login} on the command side. */
    public static final String LOGIN_PAGE = CONSOLE;

    private static final int MAX_RETURN_PATH = 2_000;

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
        response.setHeader(HttpHeaders.LOCATION, loginPageFor(request));
    }

    /**
     * The login page, naming the page asked for ({@code next}) so that the login returns there: a GET's only, since
     * a form's target is no page to return to.
     */
    static String loginPageFor(HttpServletRequest request) {
        String query = request.getQueryString();
        String asked = request.getRequestURI() + (query == null ? "" : "?" + query);
        return "GET".equals(request.getMethod()) && isReturnPath(asked)
                ? LOGIN_PAGE + "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8) : LOGIN_PAGE;
    }

    /**
     * Whether a login may send the browser to {@code path}: one of the console's pages on this site, never another
     * site, the login itself or anything a header cannot carry.
     */
    public static boolean isReturnPath(String path) {
        return path != null && path.length() <= MAX_RETURN_PATH && path.startsWith(CONSOLE + "/")
                && !path.startsWith(CONSOLE + "/login") && !path.startsWith(CONSOLE + "/logout")
                && !path.contains("..") && !path.contains("\\") && !path.contains("//")
                && path.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
