package org.tenantregistry.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's version as an HTTP entity tag, and back. The version (the number of events in the stream) identifies
 * the tenant's state exactly, so the tag is strong. Lenient on input: clients and proxies send {@code "3"}, {@code 3}
 * and {@code W/"3"} alike.
 */
final class VersionTags {

    /** Never the version of a tenant: a tag that is not one of ours must fail the precondition, not skip it. */
    static final long NO_VERSION = -1L;

    private static final Pattern ONE_TAG = Pattern.compile("(?:W/)?\"?([^\",]*)\"?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private VersionTags() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write is conditional on, or null for no condition (no header, or {@code *}: the tenant exists,
     * which every command on an id checks anyway).
     *
     * @throws InvalidHeaderException for a list of tags: a command is conditional on exactly one version
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = ONE_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw new InvalidHeaderException("If-Match", "must be one entity tag such as \"3\"");
        }
        String version = tag.group(1);
        return DIGITS.matcher(version).matches() ? Long.valueOf(version) : NO_VERSION;
    }
}
