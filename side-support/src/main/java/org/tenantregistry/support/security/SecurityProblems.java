package org.tenantregistry.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * 401 and 403 as problem details: RFC 6750's {@code WWW-Authenticate} from Spring's bearer-token handlers, the body
 * from the side's exception resolvers, so that they look like every other problem of that side.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

    SecurityProblems(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        challenge.commence(request, response, e);
        String detail = e instanceof InvalidBearerTokenException
                ? "The token is not valid here: " + e.getMessage()
                : "Authenticate with a bearer token (Authorization: Bearer ...) or the admin login's session cookie.";
        resolver.resolveException(request, response, null, SecurityProblem.unauthenticated(detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        if (e instanceof CsrfException) {
            resolver.resolveException(request, response, null, SecurityProblem.forbidden("csrf-token-invalid",
                    "A write authenticated by the session cookie needs the X-XSRF-TOKEN header, holding the "
                            + "XSRF-TOKEN cookie's value."));
            return;
        }
        denial.handle(request, response, e);
        resolver.resolveException(request, response, null, SecurityProblem.forbidden("insufficient-scope",
                "The token's scopes, partner or tenant do not allow this request."));
    }
}
