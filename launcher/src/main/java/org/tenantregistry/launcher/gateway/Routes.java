package org.tenantregistry.launcher.gateway;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the one base URL sends a request: reads of the API ({@code GET}, {@code HEAD} on {@code /api/**}) to the
 * query side, but for {@code /api/me} (the command side keeps the caller's current tenant) and the audit's reads,
 * which the command side answers from the event store: a tenant as it was ({@code /api/tenants/{id}} with
 * {@code as_of} or {@code at_version}), its history ({@code /api/tenants/{id}/history**}) and the events across
 * tenants ({@code /api/events}), the chain checkpoints ({@code /api/audit/**}), and the keys of the topic's sealed
 * fields ({@code /api/event-keys/**}); every request on the query side's operations ({@code /api/admin/projections/**},
 * {@code /api/admin/dead-letters/**}, writes included) to the query side; everything else to the command side. A tenant id there is a UUID or a number, so
 * that no path of the query side's ({@code /api/tenants/count}, {@code /api/tenants/by-slug/history}) is taken for
 * one. {@code /query/**} and {@code /command/**} reach one side directly, without the prefix (its API documents and
 * actuator). The console's read pages ({@code /console/**}) are the query side's, its forms' handlers and a
 * tenant's history the command side's. The same rules as {@code deploy/nginx.conf}.
 */
public record Routes(URI commandSide, URI querySide) {

    /** A segment that is {@code .} or {@code ..}, also percent-encoded: it would climb out of a side's prefix. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");

    private static final String QUERY_PREFIX = "/query";
    private static final String COMMAND_PREFIX = "/command";
    /** Who the caller is: answered by the command side, which keeps its current tenant. */
    private static final String ME = "/api/me";
    private static final String TENANT_ID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|[0-9]+)";
    private static final Pattern TENANT = Pattern.compile("/api/tenants/" + TENANT_ID);
    private static final Pattern HISTORY = Pattern.compile("/api/tenants/" + TENANT_ID + "/history(/.*)?");
    /** A query string with an as_of or at_version parameter, by its name as sent. */
    private static final Pattern AS_OF = Pattern.compile("(^|&)(as_of|at_version)(=|&|$)");
    private static final String EVENTS = "/api/events";
    /**
     * The console's read pages, the query side's: the login page, the tenant list, a tenant's page, the dashboard,
     * and the operations page with its rebuild button. Every other console path (the login's and the forms' handlers,
     * a tenant's history) is the command side's; both serve the console's assets and webjars.
     */
    private static final Pattern CONSOLE_READ = Pattern.compile("/console/?|/console/tenants/?|/console/tenants/"
            + TENANT_ID + "|/console/dashboard/?");
    private static final Pattern CONSOLE_OPERATIONS = Pattern.compile("/console/operations(/.*)?");
    private static final String AUDIT = "/api/audit";
    private static final String EVENT_KEYS = "/api/event-keys";
    /** The query side's operations, writes included: its projections' rebuilds and its dead letters. */
    private static final List<String> QUERY_OPERATIONS = List.of("/api/admin/projections", "/api/admin/dead-letters");

    /** The URI the request goes to, with the same path (less a side's prefix) and query string. */
    public URI target(String method, String path, String query) {
        String suffix = query == null ? "" : "?" + query;
        if (isUnder(path, QUERY_PREFIX)) {
            return URI.create(querySide + path.substring(QUERY_PREFIX.length()) + suffix);
        }
        if (isUnder(path, COMMAND_PREFIX)) {
            return URI.create(commandSide + path.substring(COMMAND_PREFIX.length()) + suffix);
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        boolean queried = read && isUnder(path, "/api") && !path.equals(ME) && !isAudit(path, query)
                || QUERY_OPERATIONS.stream().anyMatch(operations -> path.equals(operations) || isUnder(path, operations))
                || read && CONSOLE_READ.matcher(path).matches() || CONSOLE_OPERATIONS.matcher(path).matches();
        return URI.create((queried ? querySide : commandSide) + path + suffix);
    }

    /**
     * Whether the raw path can be passed on as it came: without dot segments ({@code /command/../x}) and with every
     * {@code %} starting an escape. Other spellings are the sides' to judge.
     */
    public static boolean isRoutable(String path) {
        return path != null && path.startsWith("/") && !DOT_SEGMENT.matcher(path).find()
                && !MALFORMED_ESCAPE.matcher(path).find();
    }

    /** The command side's reads besides {@code /api/me}: the audit's, from the event store, and the event keys. */
    private static boolean isAudit(String path, String query) {
        return path.equals(EVENTS) || isUnder(path, AUDIT) || path.equals(EVENT_KEYS) || isUnder(path, EVENT_KEYS) || HISTORY.matcher(path).matches()
                || TENANT.matcher(path).matches() && query != null && AS_OF.matcher(query).find();
    }

    private static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix + "/");
    }
}
