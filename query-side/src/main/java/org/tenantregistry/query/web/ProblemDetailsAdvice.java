package org.tenantregistry.query.web;

import org.tenantregistry.support.web.InvalidParametersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tenantregistry.query.erasure.EventKeyUnavailableException;
import org.tenantregistry.query.config.QueryProperties;
import org.tenantregistry.query.projection.DeadLetterNotFoundException;
import org.tenantregistry.query.projection.ProjectionNotFoundException;
import org.tenantregistry.query.projection.RebuildNotFoundException;
import org.tenantregistry.query.projection.RebuildRunningException;
import org.tenantregistry.query.projection.DeadLetterNotOpenException;
import org.tenantregistry.query.projection.DeadLetterReplayFailedException;
import org.tenantregistry.query.projection.ProjectionLagException;
import org.tenantregistry.query.projection.TooManyWaitersException;
import org.tenantregistry.support.database.DatabaseFailures;
import org.tenantregistry.support.ratelimit.RateLimitExceededException;
import org.tenantregistry.support.web.ProblemMessages;
import org.tenantregistry.support.web.TenantIdConverter;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Every error as an RFC 9457 problem detail. Spring MVC's own exceptions keep their statuses (through the base class);
 * ours get a type, a title and, for parameters, an {@code errors} object by parameter name. Nothing unexpected leaks
 * a stack trace: it is logged and answered with a bare 500, or a 503 with {@code Retry-After} while the database is away.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:tenant-registry:problem:";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    private final QueryProperties properties;

    ProblemDetailsAdvice(QueryProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler
    ProblemDetail invalidParameters(InvalidParametersException exception) {
        boolean malformed = exception.status() == HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(exception.status(),
                malformed ? "malformed-parameters" : "invalid-parameters",
                malformed ? "Malformed parameters" : "Invalid parameters",
                malformed ? "Some parameters could not be read." : "Some query parameters are out of bounds.");
        return ProblemMessages.withErrors(problem, exception.errors());
    }

    @ExceptionHandler
    ProblemDetail tenantNotFound(TenantNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail domainNotFound(DomainNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "domain-not-found", "Domain not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail hostNotFound(HostNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "host-not-found", "No tenant at this host", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail partnerNotFound(PartnerNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "partner-not-found", "Partner not found", exception.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notCaughtUp(ProjectionLagException exception) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "not-caught-up", "Read model not caught up",
                "The read model has not reached the requested version yet; retry shortly.");
        problem.setProperty("pending", exception.pending().stream()
                .map(token -> token.tenantId() + ":" + token.version()).toList());
        return retryLater(problem);
    }

    private ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem) {
        long retryAfter = Math.max(1, properties.consistency().retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .body(problem);
    }

    /**
     * Refused by side-support's {@code RequestFirewallFilter}: a path not in canonical form, or parameters that cannot
     * be read.
     */
    @ExceptionHandler
    ProblemDetail requestRejected(RequestRejectedException exception) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", exception.getMessage());
    }

    /** Refused by side-support's {@code RateLimitFilter}: the caller's bucket for the endpoint group is empty. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException exception) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests",
                exception.getMessage());
        problem.setProperty("retry_after", exception.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail payloadTooLarge(PayloadTooLargeException exception) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "No query takes a body; " + exception.getMessage() + ".");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyWaiters(TooManyWaitersException exception) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-waiting-reads",
                "Too many waiting reads", "Too many reads wait for min_version right now; retry shortly.");
        return retryLater(problem);
    }

    @ExceptionHandler
    ProblemDetail projectionNotFound(ProjectionNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "projection-not-found", "Projection not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail rebuildNotFound(RebuildNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "rebuild-not-found", "No rebuild", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail rebuildRunning(RebuildRunningException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running",
                exception.getMessage());
        if (exception.running() != null) {
            problem.setProperty("rebuild", RebuildResponse.of(exception.running()));
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail deadLetterNotFound(DeadLetterNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail deadLetterNotOpen(DeadLetterNotOpenException exception) {
        return problem(HttpStatus.CONFLICT, "dead-letter-skipped", "Dead letter already skipped",
                exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail replayFailed(DeadLetterReplayFailedException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "replay-failed", "Replay failed",
                "The event still cannot be applied; the dead letter stays, with one attempt more.");
        problem.setProperty("dead_letter", DeadLetterResponse.of(exception.deadLetter()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tenantReplayFailed(TenantReplayFailedException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "replay-failed", "Replay failed",
                "Some of the tenant's dead letters still cannot be applied; they stay, with one attempt more.");
        problem.setProperty("replayed", exception.replayed().stream().map(ReplayResponse::of).toList());
        problem.setProperty("failed", exception.failed().stream().map(DeadLetterResponse::of).toList());
        return problem;
    }

    /** A dead letter's replay that needs a tenant's key while the command side gives none. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> eventKeyUnavailable(EventKeyUnavailableException exception) {
        log.warn("A request needs a tenant's event key: {}", exception.getMessage());
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "event-keys-unavailable", "Event keys unavailable",
                "The event holds sealed fields, and the command side gives no key for them now; retry shortly."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseFailures.isDatabaseUnavailable(exception)) {
            log.warn("A query failed: the database is unavailable ({})", exception.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            "The read models cannot be reached; retry shortly."));
        }
        log.error("Unexpected error answering a query", exception);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The query failed unexpectedly; it has been logged."));
    }

    /** A path variable or parameter of the wrong type, e.g. an id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (exception instanceof MethodArgumentTypeMismatchException mismatch && UUID.class.equals(mismatch.getRequiredType())
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // No tenant can have an id that is neither a UUID nor a number given out: as unknown as any other id.
            String detail = TenantIdConverter.UnknownTenantNumberException.in(exception).map(Throwable::getMessage)
                    .orElse("There is no tenant '" + mismatch.getValue() + "': tenant ids are UUIDs or numbers.");
            return handleExceptionInternal(exception, problem(HttpStatus.NOT_FOUND, "tenant-not-found",
                    "Tenant not found", detail), headers, HttpStatus.NOT_FOUND, request);
        }
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : exception.getPropertyName();
        String expected = UUID.class.equals(exception.getRequiredType()) ? "must be a UUID" : "has the wrong type";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-parameters", "Malformed parameters",
                "'" + exception.getValue() + "' " + expected + ".");
        ProblemMessages.withErrors(problem, Map.of(name == null ? "value" : name, expected));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return ProblemMessages.withMessage(problem);
    }

    /** Spring's own problem details (405, 406, 415, ...) get a {@code message} too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemMessages.withMessage(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
