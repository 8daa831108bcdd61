package org.tenantregistry.command.me;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A token whose subject or client id holds U+0000, which PostgreSQL text cannot store: no current tenant can be kept
 * for it (400, the same every time), rather than a failing statement.
 */
public class UnstorableCallerException extends ErrorResponseException {

    UnstorableCallerException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The token's sub or client_id holds a NUL character: no current tenant can be kept for it.");
        problem.setType(URI.create("urn:tenant-registry:problem:unstorable-caller"));
        problem.setTitle("Unusable token subject");
        return problem;
    }
}
