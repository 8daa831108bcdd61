package org.tenantregistry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

/**
 * The id of a tenant created with an {@code Idempotency-Key}: a name-based UUID (version 5, RFC 9562) over the caller
 * and the key, so that every retry of one caller's create names the same tenant. A second create of that id fails
 * in its own transaction on the tenant's existing event stream, whatever became of the stored answer (a crash, or a
 * failed write of the answer, after the first create committed): a retry can never create a second tenant.
 */
@Component
class IdempotentTenantIds {

    /** A fixed namespace of our own, so that the ids cannot collide with name-based UUIDs of anything else. */
    private static final UUID NAMESPACE = UUID.fromString("3d0f5c8e-6a4b-4f7e-9a51-2c7b8e1d4f60");

    private final CommandMetadataResolver metadata;

    IdempotentTenantIds(CommandMetadataResolver metadata) {
        this.metadata = metadata;
    }

    /** The id the request's key names, or empty when it carries no key (the id is then random). */
    Optional<UUID> of(HttpServletRequest request) {
        String key = request.getHeader(IdempotencyFilter.HEADER);
        return key == null ? Optional.empty() : Optional.of(of(metadata.caller(request), key));
    }

    static UUID of(String caller, String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            sha1.update(caller.getBytes(StandardCharsets.UTF_8));
            sha1.update((byte) '\n');
            ByteBuffer hash = ByteBuffer.wrap(sha1.digest(key.getBytes(StandardCharsets.UTF_8)));
            long most = (hash.getLong() & ~0xF000L) | 0x5000L;
            long least = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(most, least);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
