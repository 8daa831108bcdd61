package org.tenantregistry.launcher.gateway;

import java.net.URI;

/**
 * Where the one base URL sends a request: reads of the API ({@code GET}, {@code HEAD} on {@code /api/**}) to the
 * query side, everything else to the command side. {@code /query/**} and {@code /command/**} reach one side
 * directly, without the prefix (its API documents and actuator). The same rules as {@code deploy/nginx.conf}.
 */
public record Routes(URI commandSide, URI querySide) {

    private static final String QUERY_PREFIX = "/query";
    private static final String COMMAND_PREFIX = "/command";

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
        return URI.create((read && isUnder(path, "/api") ? querySide : commandSide) + path + suffix);
    }

    private static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix + "/");
    }
}
