package org.tenantregistry.support.web;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Tomcat's error report, as a problem detail instead of Tomcat's HTML page. Tomcat answers some requests itself,
 * before any filter or servlet runs: a request target it cannot parse or decode ({@code /api/tenants/%ff}, an
 * encoded slash, a raw {@code |} in the query). Everything that reaches the application is answered by the side's
 * {@code ProblemDetailsAdvice}; this only writes the body of what Tomcat refused on its own, with the side's problem
 * type prefix.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

    private final String typePrefix;

    private ProblemDetailsErrorReportValve(String typePrefix) {
        this.typePrefix = typePrefix;
    }

    /**
     * Puts the valve in place of Tomcat's default as the host starts. Tomcat would create the valve from its class name
     * with no arguments; it finds this one already in the host's pipeline and keeps it. It is added when the host
     * starts, after the plain error report valve Spring Boot adds while the context is configured: the later valve in
     * the pipeline reports first, and the other one then leaves the response alone.
     *
     * @param typePrefix what the side's problem types start with, e.g. {@code urn:tenant-registry:problem:}
     */
    public static TomcatContextCustomizer installer(String typePrefix) {
        return (Context context) -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && !installedOn(host)) {
                        host.getPipeline().addValve(new ProblemDetailsErrorReportValve(typePrefix));
                    }
                });
            }
        };
    }

    private static boolean installedOn(Host host) {
        return Arrays.stream(host.getPipeline().getValves())
                .anyMatch(ProblemDetailsErrorReportValve.class::isInstance);
    }

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

    private String problem(int status, String type, String title, String detail) {
        return "{\"type\":\"" + typePrefix + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}
