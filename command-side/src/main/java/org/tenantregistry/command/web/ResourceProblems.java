package org.tenantregistry.command.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.tenantregistry.command.resource.DuplicateResourceException;
import org.tenantregistry.command.resource.QuotaExceededException;
import org.tenantregistry.command.resource.ResourceNotFoundException;

import java.util.Map;

import static org.tenantregistry.command.web.Problems.answer;
import static org.tenantregistry.command.web.Problems.problem;

/**
 * The problems of a tenant's resources: quotas, duplicates, unknown ones. Ordered just ahead of {@link
 * ProblemDetailsAdvice}, whose catch-all would answer them otherwise.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ResourceProblems {

    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<Object> quotaExceeded(QuotaExceededException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "quota-exceeded", "Quota exceeded", e.getMessage() + ".");
        problem.setProperty("kind", e.kind().pathName());
        problem.setProperty("limit", e.limit());
        problem.setProperty("usage", e.usage());
        return answer(problem, request);
    }

    @ExceptionHandler(DuplicateResourceException.class)
    ResponseEntity<Object> duplicateResource(DuplicateResourceException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "resource-taken", "Resource already registered",
                e.getMessage() + ".");
        problem.setProperty("errors", Map.of(e.field(), "is already registered in this tenant"));
        return answer(problem, request);
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<Object> resourceNotFound(ResourceNotFoundException e, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, "resource-not-found", "Resource not found", e.getMessage() + "."),
                request);
    }
}
