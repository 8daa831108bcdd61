package org.tenantregistry.command.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.tenantregistry.command.domain.DomainNotFoundException;
import org.tenantregistry.command.domain.DomainQuotaExceededException;
import org.tenantregistry.command.domain.DomainStateConflictException;
import org.tenantregistry.command.domain.DomainTokenExpiredException;

import static org.tenantregistry.command.web.Problems.answer;
import static org.tenantregistry.command.web.Problems.problem;

/**
 * The problems of a tenant's custom domains. Ordered just ahead of {@link ProblemDetailsAdvice}, whose catch-all would
 * answer them otherwise.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class DomainProblems {

    @ExceptionHandler(DomainNotFoundException.class)
    ResponseEntity<Object> domainNotFound(DomainNotFoundException e, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, "domain-not-found", "Domain not found", e.getMessage() + "."),
                request);
    }

    @ExceptionHandler(DomainQuotaExceededException.class)
    ResponseEntity<Object> domainQuotaExceeded(DomainQuotaExceededException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "quota-exceeded", "Quota exceeded", e.getMessage() + ".");
        problem.setProperty("kind", "domains");
        problem.setProperty("limit", e.limit());
        problem.setProperty("usage", e.usage());
        return answer(problem, request);
    }

    @ExceptionHandler(DomainTokenExpiredException.class)
    ResponseEntity<Object> domainTokenExpired(DomainTokenExpiredException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "verification-token-expired",
                "Verification token expired", e.getMessage() + "; nothing was checked. Add the domain again (POST "
                        + "/api/tenants/{id}/domains?domain=" + e.domain() + ") for a new token, then verify.");
        problem.setProperty("domain", e.domain());
        problem.setProperty("expired_at", e.expiredAt().toString());
        return answer(problem, request);
    }

    @ExceptionHandler(DomainStateConflictException.class)
    ResponseEntity<Object> domainStateConflict(DomainStateConflictException e, WebRequest request) {
        String type = e.rule() == DomainStateConflictException.Rule.NOT_VERIFIED ? "domain-not-verified"
                : "primary-domain";
        String title = e.rule() == DomainStateConflictException.Rule.NOT_VERIFIED ? "Domain not verified"
                : "Primary domain";
        return answer(problem(HttpStatus.CONFLICT, type, title, e.getMessage() + "."), request);
    }
}
