package org.tenantregistry.launcher.gateway;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors that Jetty answers itself (a request line or URI it cannot parse, an unknown method) as problem details
 * instead of its HTML page, which would show the request and, for proxied requests, the side's internal URL.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, problemFor(status).json(), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
        return problemFor(status).json();
    }

    private static Problem problemFor(int status) {
        String title = HttpStatus.getMessage(status);
        return status >= 500
                ? new Problem(status, "gateway-error", title, "The gateway could not answer this request.")
                : new Problem(status, "malformed-request", title, "The gateway cannot read or route this request.");
    }
}
