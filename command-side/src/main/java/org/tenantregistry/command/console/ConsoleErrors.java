package org.tenantregistry.command.console;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.tenantregistry.command.audit.TenantAbsentException;
import org.tenantregistry.command.domain.DomainNotFoundException;
import org.tenantregistry.support.security.CallerAuthentication;

/**
 * A console page's failures as a page, not a problem document: before the API's advice, for the console's
 * controllers only. What is not handled here (a server error) still goes to the API's advice, which logs it.
 */
@ControllerAdvice(assignableTypes = {ConsoleTenantForms.class, ConsoleTenantActions.class, ConsoleHistory.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler({AggregateNotFoundException.class, TenantAbsentException.class, DomainNotFoundException.class})
    ModelAndView notFound(RuntimeException e) {
        ModelAndView view = new ModelAndView("console/error", HttpStatus.NOT_FOUND);
        view.addObject("problemTitle", "Not found");
        view.addObject("problemDetail", "No such tenant or domain, or not one of yours.");
        view.addObject("caller", CallerAuthentication.callerOf(SecurityContextHolder.getContext().getAuthentication())
                .orElse(null));
        return view;
    }
}
