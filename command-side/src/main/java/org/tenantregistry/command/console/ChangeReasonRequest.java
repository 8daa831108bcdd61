package org.tenantregistry.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A console form's "why" field as the API's {@code X-Change-Reason} header: the command's metadata (what auditors
 * read in the history) is taken from the request by the same resolver as an API call's, with its bounds and rules.
 * A browser's own header of that name, if any, is replaced.
 */
final class ChangeReasonRequest extends HttpServletRequestWrapper {

    static final String HEADER = "X-Change-Reason";

    private final String reason;

    private ChangeReasonRequest(HttpServletRequest request, String reason) {
        super(request);
        this.reason = reason;
    }

    /** The request with the form's reason, or as it is when the form gave none. */
    static HttpServletRequest of(HttpServletRequest request, String reason) {
        return reason == null || reason.isBlank() ? request : new ChangeReasonRequest(request, reason);
    }

    @Override
    public String getHeader(String name) {
        return HEADER.equalsIgnoreCase(name) ? reason : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(reason)) : super.getHeaders(name);
    }
}
