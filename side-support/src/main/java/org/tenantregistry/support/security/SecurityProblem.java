package org.tenantregistry.support.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A refusal of the security layer, answered by the side's problem-details advice like any of its problems (Spring's
 * {@code ResponseEntityExceptionHandler} handles every {@link ErrorResponseException}).
 */
public final class SecurityProblem extends ErrorResponseException {

    /** The sides' problem type namespace. */
    static final String TYPE_PREFIX = "urn:tenant-registry:problem:";

    private SecurityProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    static SecurityProblem unauthenticated(String detail) {
        return new SecurityProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
    }

    static SecurityProblem forbidden(String type, String detail) {
        return new SecurityProblem(HttpStatus.FORBIDDEN, type, "Forbidden", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
