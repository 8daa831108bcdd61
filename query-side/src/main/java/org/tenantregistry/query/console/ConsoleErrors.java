package org.tenantregistry.query.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.query.projection.ProjectionLagException;
import org.tenantregistry.query.projection.ProjectionNotFoundException;
import org.tenantregistry.support.web.InvalidParametersException;
import org.tenantregistry.query.web.TenantNotFoundException;
import org.tenantregistry.support.security.CallerAuthentication;

/**
 * A console page's failures as a page, not a problem document: before the API's advice, for the console's
 * controllers only. What is not handled here (a server error) still goes to the API's advice, which logs it.
 */
@ControllerAdvice(assignableTypes = {ConsoleTenantPages.class, ConsoleDashboard.class, ConsoleOperations.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler({TenantNotFoundException.class, ProjectionNotFoundException.class})
    ModelAndView notFound(RuntimeException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(InvalidParametersException.class)
    ModelAndView invalid(InvalidParametersException e) {
        return page(HttpStatus.BAD_REQUEST, "Invalid link", "The link's parameters are wrong: " + e.errors());
    }

    @ExceptionHandler(ProjectionLagException.class)
    ModelAndView lagging(ProjectionLagException e) {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Not there yet",
                "The change was saved, but the read model has not caught up with it yet. Reload the page shortly.");
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView view = new ModelAndView("console/error", status);
        view.addObject("problemTitle", title);
        view.addObject("problemDetail", detail);
        view.addObject("caller", CallerAuthentication.callerOf(SecurityContextHolder.getContext().getAuthentication())
                .orElse(null));
        return view;
    }
}
