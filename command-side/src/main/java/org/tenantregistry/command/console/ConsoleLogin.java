package org.tenantregistry.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.command.security.AdminLogin;
import org.tenantregistry.command.security.InvalidCredentialsException;
import org.tenantregistry.support.security.ConsoleEntryPoint;
import org.tenantregistry.support.security.SessionCookie;
import org.tenantregistry.support.web.SeeOther;

/**
 * The console's login form posts here: the admin login the API has ({@code POST /api/admin/login}), the same session
 * cookie, and then the page the browser first asked for ({@code next}, one of the console's) or the tenants' page. A
 * wrong username or password shows the login page again, with the same words for both.
 */
@Controller
@RequestMapping("/console")
@ConditionalOnBooleanProperty("tenant-registry.security.issuer.enabled")
class ConsoleLogin {

    private final AdminLogin login;

    ConsoleLogin(AdminLogin login) {
        this.login = login;
    }

    @PostMapping("/login")
    ModelAndView login(@RequestParam(required = false) String username,
                       @RequestParam(required = false) String password,
                       @RequestParam(required = false) String next,
                       HttpServletRequest request, HttpServletResponse response) {
        String returnTo = ConsoleEntryPoint.isReturnPath(next) ? next : null;
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return again(username, returnTo, "Enter the username and the password.",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            SessionCookie.issue(login.login(username, password).token(), request, response);
        } catch (InvalidCredentialsException e) {
            return again(username, returnTo, e.getMessage(), HttpStatus.UNAUTHORIZED);
        }
        return new ModelAndView(SeeOther.to(returnTo == null ? "/console/tenants" : returnTo));
    }

    @PostMapping("/logout")
    ModelAndView logout(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.clear(request, response);
        return new ModelAndView(SeeOther.to("/console"));
    }

    private static ModelAndView again(String username, String next, String error, HttpStatus status) {
        ModelAndView view = new ModelAndView("console/login", status);
        view.addObject("username", username);
        view.addObject("next", next);
        view.addObject("loginError", error);
        return view;
    }
}
