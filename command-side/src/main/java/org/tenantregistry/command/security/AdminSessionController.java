package org.tenantregistry.command.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tenantregistry.support.security.SessionCookie;

import java.util.List;

/**
 * The admin's login for browsers: the session's token goes into an HttpOnly cookie that scripts cannot read, sent
 * back by the browser to this site only (SameSite=Strict). Writes that authenticate with the cookie need the CSRF
 * token as well (see the main filter chain).
 */
@RestController
@ConditionalOnBooleanProperty("tenant-registry.security.issuer.enabled")
@Tag(name = "Admin session", description = "Log the admin in and out of a browser session (cookie " + AdminSessionController.COOKIE + ")")
class AdminSessionController {

    /** The session cookie; the main filter chain reads the bearer token from it when there is no Authorization. */
    static final String COOKIE = SessionCookie.NAME;
    static final String LOGIN = "/api/admin/login";
    static final String LOGOUT = "/api/admin/logout";

    @Schema(description = "The admin's credentials", example = "{\"username\": \"admin\", \"password\": \"...\"}")
    public record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    @Schema(description = "Who is logged in, with which scopes")
    public record SessionData(String subject, List<String> scopes) {
    }

    @Schema(description = "The answer to a login")
    public record SessionAnswer(String message, SessionData data) {
    }

    private final AdminLogin login;

    AdminSessionController(AdminLogin login) {
        this.login = login;
    }

    @PostMapping(path = LOGIN, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log the admin in", description = "Sets the session cookie " + COOKIE + " (HttpOnly, "
            + "SameSite=Strict, Secure over TLS), which holds the session's token; an unknown user and a wrong "
            + "password get the same 401. The credentials may also be sent as a form (application/x-www-form-urlencoded).")
    @ApiResponse(responseCode = "200", description = "Logged in", headers = @Header(name = HttpHeaders.SET_COOKIE,
            description = COOKIE + "=<token>; Path=/; HttpOnly; SameSite=Strict", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SessionAnswer.class)))
    ResponseEntity<SessionAnswer> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
                                        HttpServletResponse response) {
        return loggedIn(credentials, request, response);
    }

    @PostMapping(path = LOGIN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(hidden = true)
    ResponseEntity<SessionAnswer> loginWithForm(@Valid @ModelAttribute Credentials credentials,
                                                HttpServletRequest request, HttpServletResponse response) {
        return loggedIn(credentials, request, response);
    }

    @PostMapping(LOGOUT)
    @Operation(summary = "Log the admin out", description = "Clears the session cookie. The session's token itself "
            + "stays valid until it expires: it is a self-contained JWT that no side keeps a record of.")
    @ApiResponse(responseCode = "204", description = "Logged out", headers = @Header(name = HttpHeaders.SET_COOKIE,
            description = COOKIE + "=; Max-Age=0", schema = @Schema(type = "string")))
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.clear(request, response);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<SessionAnswer> loggedIn(Credentials credentials, HttpServletRequest request,
                                                   HttpServletResponse response) {
        AdminLogin.Session session = login.login(credentials.username(), credentials.password());
        SessionCookie.issue(session.token(), request, response);
        return ResponseEntity.ok()
                .body(new SessionAnswer("Logged in.", new SessionData(session.subject(), session.scopes())));
    }
}
