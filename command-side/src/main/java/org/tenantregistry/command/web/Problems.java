package org.tenantregistry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.tenantregistry.support.web.ProblemMessages;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The one way the command side's advices make an RFC 9457 problem: a type under {@link #TYPE_PREFIX}, the request's
 * path as its instance, its request id and a {@code message} beside the detail.
 */
final class Problems {

    static final String TYPE_PREFIX = "urn:tenant-registry:problem:";

    private Problems() {
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    static ResponseEntity<Object> answer(ProblemDetail problem, WebRequest request) {
        complete(problem, request);
        return new ResponseEntity<>(problem, HttpStatusCode.valueOf(problem.getStatus()));
    }

    /** 422 with every invalid field and why. */
    static ResponseEntity<Object> invalidFields(Map<String, String> errors, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fields", "Invalid fields",
                "One or more fields are invalid; see errors.");
        ProblemMessages.withErrors(problem, errors);
        return answer(problem, request);
    }

    /** Adds the instance, the request id and the {@code message}; Spring's own problems get them here too. */
    static void complete(ProblemDetail problem, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        if (servlet != null) {
            if (problem.getInstance() == null) {
                instance(servlet).ifPresent(problem::setInstance);
            }
            String requestId = RequestIdFilter.of(servlet);
            if (requestId != null) {
                problem.setProperty("request_id", requestId);
            }
        }
        ProblemMessages.withMessage(problem);
    }

    static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }

    /** The path as sent; a refused request's path may be no valid URI, and then there is no instance. */
    private static Optional<URI> instance(HttpServletRequest request) {
        try {
            return Optional.of(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
