package org.tenantregistry.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tenantregistry.command.security.InvalidCredentialsException;
import org.tenantregistry.command.tenant.IdentifierTakenException;
import org.tenantregistry.command.tenant.IllegalTransitionException;
import org.tenantregistry.command.tenant.InvalidTenantException;
import org.tenantregistry.command.tenant.JsonFieldError;
import org.tenantregistry.command.tenant.StaleVersionException;
import org.tenantregistry.support.database.DatabaseFailures;
import org.tenantregistry.support.ratelimit.RateLimitExceededException;
import org.tenantregistry.support.web.ProblemMessages;
import org.tenantregistry.support.web.TenantIdConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.tenantregistry.command.web.Problems.answer;
import static org.tenantregistry.command.web.Problems.invalidFields;
import static org.tenantregistry.command.web.Problems.problem;

/**
 * Every error as an RFC 9457 problem detail. Client errors say exactly what to fix (per-field {@code errors} where
 * fields are at fault); server errors say nothing about the inside and are logged instead.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String DATABASE_RETRY_AFTER_SECONDS = "2";
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    @ExceptionHandler(InvalidTenantException.class)
    ResponseEntity<Object> invalidTenant(InvalidTenantException e, WebRequest request) {
        return invalidFields(new LinkedHashMap<>(e.errors()), request);
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<Object> invalidCredentials(InvalidCredentialsException e, WebRequest request) {
        return answer(problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", e.getMessage()),
                request);
    }

    @ExceptionHandler(NotTenantBoundException.class)
    ResponseEntity<Object> notTenantBound(NotTenantBoundException e, WebRequest request) {
        return answer(problem(HttpStatus.FORBIDDEN, "tenant-bound-token-required", "Forbidden", e.getMessage()),
                request);
    }

    @ExceptionHandler(IdentifierTakenException.class)
    ResponseEntity<Object> identifierTaken(IdentifierTakenException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "identifier-taken", "Identifier taken", e.getMessage());
        ProblemMessages.withErrors(problem, Map.of(e.field(), "has already been taken (by another tenant, or it is still quarantined)"));
        return answer(problem, request);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTransitionException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in the tenant's status",
                e.getMessage());
        problem.setProperty("current_status", e.current().wireName());
        return answer(problem, request);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Object> staleVersion(StaleVersionException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                e.getMessage() + "; nothing was changed. Read the tenant again and retry with If-Match \""
                        + e.currentVersion() + "\" if the change still applies.");
        problem.setProperty("current_version", e.currentVersion());
        return answer(problem, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found",
                "There is no tenant " + e.getAggregateIdentifier() + "."), request);
    }

    /** Two writers raced on one tenant's stream: the loser changed nothing and may simply retry. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException e, WebRequest request) {
        return answer(problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Another request changed the tenant at the same time; nothing was changed. Retry."), request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException e, WebRequest request) {
        return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                e.getMessage() + "."), request);
    }

    @ExceptionHandler(IdempotencyKeyRefusedException.class)
    ResponseEntity<Object> idempotencyKeyRefused(IdempotencyKeyRefusedException e, WebRequest request) {
        return answer(problem(e.reason().status, "idempotency-key-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "Idempotency-Key refused", e.getMessage() + "."), request);
    }

    /**
     * Refused by side-support's {@code RequestFirewallFilter}: a path not in canonical form, or parameters that cannot
     * be read.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> requestRejected(RequestRejectedException e, WebRequest request) {
        return answer(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getMessage()),
                request);
    }

    /** Refused by side-support's {@code RateLimitFilter}: the caller's bucket for the endpoint group is empty. */
    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<Object> rateLimited(RateLimitExceededException e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests",
                e.getMessage());
        problem.setProperty("retry_after", e.retryAfterSeconds());
        return createResponseEntity(problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
    }

    @ExceptionHandler(InvalidHeaderException.class)
    ResponseEntity<Object> invalidHeader(InvalidHeaderException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid header", e.getMessage() + ".");
        problem.setProperty("header", e.header());
        return answer(problem, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (DatabaseFailures.isDatabaseUnavailable(e)) {
            log.warn("Request {} failed: the database is unavailable ({})", describe(request), e.getMessage());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Database unavailable", "The event store cannot be reached; nothing was changed. Retry shortly.");
            return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
        }
        log.error("Request {} failed", describe(request), e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server's side. Quote the X-Request-Id when you report it."), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        JacksonException json = causeOfType(e, JacksonException.class);
        // A value that does not fit its field, or a key given twice, is the client's error about one field: 422.
        JsonFieldError fieldError = json == null ? null : JsonFieldError.of(json).orElse(null);
        if (fieldError != null) {
            return invalidFields(new LinkedHashMap<>(fieldError.asErrors()), request);
        }
        if (json instanceof DatabindException || json instanceof InputCoercionException) {
            return answer(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The body must be a JSON object."), request);
        }
        if (json instanceof StreamReadException) {
            return answer(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The body is not well-formed JSON: " + json.getOriginalMessage()), request);
        }
        if (json instanceof StreamConstraintsException) {
            return answer(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The body is beyond what the API accepts (nesting depth, number or string length): "
                            + json.getOriginalMessage()), request);
        }
        return answer(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The body must be a JSON object."), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.putIfAbsent(snakeCase(error.getField()), error.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.putIfAbsent("body", error.getDefaultMessage()));
        return invalidFields(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> errors.putIfAbsent(
                snakeCase(result.getMethodParameter().getParameterName()),
                result.getResolvableErrors().stream().map(MessageSourceResolvable::getDefaultMessage)
                        .findFirst().orElse("is invalid")));
        return invalidFields(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch && UUID.class.equals(mismatch.getRequiredType())) {
            // No tenant can have an id that is neither a UUID nor a number given out: as unknown as any other id.
            String detail = TenantIdConverter.UnknownTenantNumberException.in(e).map(Throwable::getMessage)
                    .orElse("There is no tenant '" + mismatch.getValue() + "': tenant ids are UUIDs or numbers.");
            return answer(problem(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", detail), request);
        }
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return answer(problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "Parameter '" + name + "' must be " + JsonFieldError.typeName(e.getRequiredType()) + "."), request);
    }

    /** Every problem, Spring's own (405, 406, 415, ...) too, gets the request id and a {@code message}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.complete(problem, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(WebRequest request) {
        HttpServletRequest servlet = Problems.servletRequest(request);
        return servlet != null ? servlet.getMethod() + " " + servlet.getRequestURI() : request.getDescription(false);
    }

    /** Bean Validation names Java properties; clients know the JSON names. */
    private static String snakeCase(String javaName) {
        return WORD_BOUNDARY.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
