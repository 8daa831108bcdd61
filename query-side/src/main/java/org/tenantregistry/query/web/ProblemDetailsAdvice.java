package org.tenantregistry.query.web;

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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tenantregistry.query.config.QueryProperties;
import org.tenantregistry.query.projection.ProjectionLagException;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Every error as an RFC 9457 problem detail. Spring MVC's own exceptions keep their statuses (through the base class);
 * ours get a type, a title and, for parameters, an {@code errors} object by parameter name. Nothing unexpected leaks
 * a stack trace: it is logged and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:tenant-registry:problem:";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

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
        problem.setProperty("errors", exception.errors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tenantNotFound(TenantNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", exception.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notCaughtUp(ProjectionLagException exception) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "not-caught-up", "Read model not caught up",
                "The read model has not reached the requested version yet; retry shortly.");
        problem.setProperty("pending", exception.pending().stream()
                .map(token -> token.tenantId() + ":" + token.version()).toList());
        long retryAfter = Math.max(1, properties.consistency().retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .body(problem);
    }

    /** Refused by {@link RequestFirewallFilter}: a path not in canonical form, or parameters that cannot be read. */
    @ExceptionHandler
    ProblemDetail requestRejected(RequestRejectedException exception) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail payloadTooLarge(PayloadTooLargeException exception) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "No query takes a body; " + exception.getMessage() + ".");
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error answering a query", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The query failed unexpectedly; it has been logged.");
    }

    /** A path variable or parameter of the wrong type, e.g. an id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : exception.getPropertyName();
        String expected = UUID.class.equals(exception.getRequiredType()) ? "must be a UUID" : "has the wrong type";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-parameters", "Malformed parameters",
                "'" + exception.getValue() + "' " + expected + ".");
        problem.setProperty("errors", Map.of(name == null ? "value" : name, expected));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
