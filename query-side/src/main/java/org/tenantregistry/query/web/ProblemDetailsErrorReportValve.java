package org.tenantregistry.query.web;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's error report, as a problem detail instead of Tomcat's HTML page. Tomcat answers some requests itself,
 * before any filter or servlet runs: a request target it cannot parse or decode ({@code /api/tenants/%ff}, an
 * encoded slash, a raw {@code |} in the query). Everything that reaches the application is answered by
 * {@link ProblemDetailsAdvice}; this only writes the body of what Tomcat refused on its own. Tomcat creates the valve
 * from its class name, hence public with a public constructor.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String problem = status >= 500
                ? problem(status, "internal-error", "Internal error", "The request failed on the server's side.")
                : problem(status, "malformed-request", "Malformed request",
                "The request could not be read: its target is not a valid, decodable URI, or its framing is broken.");
        try {
            // no charset parameter, as on every other problem detail: the body is ASCII
            response.setContentType("application/problem+json");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is closed: there is nobody left to tell
        }
    }

    private static String problem(int status, String type, String title, String detail) {
        return "{\"type\":\"" + ProblemDetailsAdvice.TYPE_PREFIX + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    /** Puts the valve in place of Tomcat's default before the host starts. */
    @Component
    static class Installer implements TomcatContextCustomizer {

        @Override
        public void customize(Context context) {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
            }
        }
    }
}
