package org.tenantregistry.support.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The admin login's session: a token like any bearer token, carried in an HttpOnly cookie instead of the
 * {@code Authorization} header, so that both sides read it without sharing server-side sessions. A request is
 * authenticated by the header when it has one, else by the cookie; only a cookie-authenticated write needs the CSRF
 * token (a browser sends the cookie by itself, never the header).
 */
public final class SessionCookie implements BearerTokenResolver {

    public static final String NAME = "TR_SESSION";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = header.resolve(request);
        return token != null ? token : cookie(request);
    }

    /**
     * Sets the cookie holding a session's token: HttpOnly (no script reads it), sent back to this site only
     * (SameSite=Strict), Secure over TLS. No Max-Age: the cookie goes when the browser closes; the token inside
     * expires anyway. Added to the response itself: a Set-Cookie of a ResponseEntity would replace the one Spring
     * Security has already written, the XSRF-TOKEN that the browser's first write needs.
     */
    public static void issue(String token, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, request).build().toString());
    }

    /** Clears the cookie: a logout, or a session token that no longer authenticates. */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", request).maxAge(0).build().toString());
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(String value, HttpServletRequest request) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Strict").secure(request.isSecure());
    }

    /** Whether the request would be authenticated by the cookie: it has no {@code Authorization} header. */
    static boolean authenticates(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && cookie(request) != null;
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
