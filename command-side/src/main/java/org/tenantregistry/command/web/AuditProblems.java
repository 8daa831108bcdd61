package org.tenantregistry.command.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.tenantregistry.command.audit.TenantAbsentException;
import org.tenantregistry.command.erasure.EventKeyShreddedException;
import org.tenantregistry.support.web.InvalidParametersException;
import org.tenantregistry.support.web.ProblemMessages;

import static org.tenantregistry.command.web.Problems.answer;
import static org.tenantregistry.command.web.Problems.problem;

/**
 * The problems of the audit's reads (history, as-of, events, chain) and of the event keys. Ordered just ahead of
 * {@link ProblemDetailsAdvice}, whose catch-all would answer them otherwise.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class AuditProblems {

    @ExceptionHandler(CheckpointNotFoundException.class)
    ResponseEntity<Object> checkpointNotFound(CheckpointNotFoundException e, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, "checkpoint-not-found", "Checkpoint not found",
                e.getMessage() + "."), request);
    }

    @ExceptionHandler(EventKeyShreddedException.class)
    ResponseEntity<Object> keyShredded(EventKeyShreddedException e, WebRequest request) {
        return answer(problem(HttpStatus.GONE, "event-key-shredded", "Key destroyed", e.getMessage() + "."), request);
    }

    /** The tenant exists, but not at the moment or version an as-of read asked for. */
    @ExceptionHandler(TenantAbsentException.class)
    ResponseEntity<Object> absent(TenantAbsentException e, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", e.getMessage()), request);
    }

    @ExceptionHandler(InvalidParametersException.class)
    ResponseEntity<Object> invalidParameters(InvalidParametersException e, WebRequest request) {
        boolean malformed = e.status() == HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(e.status(), malformed ? "malformed-parameters" : "invalid-parameters",
                malformed ? "Malformed parameters" : "Invalid parameters",
                malformed ? "Some parameters could not be read; see errors."
                        : "Some query parameters are out of bounds; see errors.");
        ProblemMessages.withErrors(problem, e.errors());
        return answer(problem, request);
    }
}
