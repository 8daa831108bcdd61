package org.tenantregistry.launcher.gateway;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the one base URL sends a request: reads of the API ({@code GET}, {@code HEAD} on {@code /api/**}) to the
 * query side, but for {@code /api/me} (the command side keeps the caller's current tenant) and the audit trail (the
 * command side's event store answers it), everything else to the command side. {@code /query/**} and {@code /command/**} reach one side
 * directly, without the prefix (its API documents and actuator). The same rules as {@code deploy/nginx.conf}.
 */
public record Routes(URI commandSide, URI querySide) {

    /** A segment that is {@code .} or {@code ..}, also percent-encoded: it would climb out of a side's prefix. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");

    private static final String QUERY_PREFIX = "/query";
    private static final String COMMAND_PREFIX = "/command";
    /** Who the caller is: answered by the command side, which keeps its current tenant. */
    private static final String ME = "/api/me";
    /**
     * The audit trail (a tenant's history and its hash chain's verification, the chain checkpoints): answered by the
     * command side from its event store.
     */
    private static final Pattern AUDIT_TRAIL = Pattern.compile("/api/(audit/.*|tenants/[^/]+/history(/.*)?)");

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
        boolean queried = read && isUnder(path, "/api") && !path.equals(ME) && !AUDIT_TRAIL.matcher(path).matches();
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

    private static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix + "/");
    }
}
