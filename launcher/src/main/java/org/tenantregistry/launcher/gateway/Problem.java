package org.tenantregistry.launcher.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 9457 problem detail as the gateway writes it, in the sides' convention ({@code urn:tenant-registry:problem:}
 * types). The detail is always the gateway's own sentence: nothing of the request or of the sides' addresses.
 */
record Problem(int status, String type, String title, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";

    ByteBuffer json() {
        return ByteBuffer.wrap(("{\"type\":\"urn:tenant-registry:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
