package org.tenantregistry.command.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.tenantregistry.command.publishing.InvalidRepublishException;
import org.tenantregistry.command.publishing.RepublishRunningException;

import java.util.LinkedHashMap;

import static org.tenantregistry.command.web.Problems.answer;
import static org.tenantregistry.command.web.Problems.invalidFields;
import static org.tenantregistry.command.web.Problems.problem;

/**
 * The problems of the operators' republishing. Ordered just ahead of {@link ProblemDetailsAdvice}, whose catch-all
 * would answer them otherwise.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class OperatorProblems {

    @ExceptionHandler(InvalidRepublishException.class)
    ResponseEntity<Object> invalidRepublish(InvalidRepublishException e, WebRequest request) {
        return invalidFields(new LinkedHashMap<>(e.errors()), request);
    }

    @ExceptionHandler(RepublishRunningException.class)
    ResponseEntity<Object> republishRunning(RepublishRunningException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "republish-running", "A republish job is running",
                e.getMessage() + ".");
        problem.setProperty("done", e.running().done());
        problem.setProperty("total", e.running().total());
        return answer(problem, request);
    }

    @ExceptionHandler(NoRepublishException.class)
    ResponseEntity<Object> noRepublish(NoRepublishException e, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, "republish-not-found", "No republish job", e.getMessage()),
                request);
    }
}
