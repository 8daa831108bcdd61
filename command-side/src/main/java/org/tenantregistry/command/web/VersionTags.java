package org.tenantregistry.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's version as an HTTP entity tag, and back. The version (the number of events in the stream) identifies
 * the tenant's state exactly, so the tag is strong. On input, {@code "3"}, {@code W/"3"} and the bare {@code 3} that
 * some clients send are read alike; anything that is no entity tag at all is refused rather than guessed at.
 */
final class VersionTags {

    /** Never the version of a tenant: a tag that is not one of ours must fail the precondition, not skip it. */
    static final long NO_VERSION = -1L;

    /** RFC 9110 entity-tag: optional weakness prefix, then etagc characters in double quotes; or bare digits. */
    private static final Pattern ONE_TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"|([0-9]+)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private VersionTags() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write is conditional on, or null for no condition (no header, or {@code *}: the tenant exists,
     * which every command on an id checks anyway). A well-formed tag that is none of our versions never matches.
     *
     * @throws InvalidHeaderException for a blank header, a list of tags (a command is conditional on exactly one
     *                                version) or a value that is no entity tag
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        Matcher tag = ONE_TAG.matcher(value);
        if (!tag.matches()) {
            throw new InvalidHeaderException("If-Match", value.isEmpty() ? "must not be blank"
                    : "must be one entity tag such as \"3\"");
        }
        String version = tag.group(1) != null ? tag.group(1) : tag.group(2);
        return DIGITS.matcher(version).matches() ? Long.valueOf(version) : NO_VERSION;
    }
}
