package org.tenantregistry.command.audit;

import org.tenantregistry.command.tenant.CommandMetadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The bytes the event chain hashes, exactly as the README's "Tamper evidence" section specifies them, so that an
 * auditor recomputes every hash from a database export or a topic dump (its sealed fields opened) without this code:
 * <pre>
 * data_digest = hex(SHA-256(canonical(payload)))
 * hash        = hex(SHA-256(prev_hash "\n" tenant_id "\n" sequence "\n" type "\n" occurred_at "\n"
 *                           canonical(metadata) "\n" data_digest))
 * </pre>
 * with {@link CanonicalJson} as canonical, the genesis {@code prev_hash} 64 zeros, {@code type} the contract's event
 * type (the payload class's simple name, the envelope's {@code type}), {@code occurred_at} the stored time as the
 * envelope writes it (ISO-8601 UTC, the fraction only when not zero) and metadata the audit keys of the event's
 * metadata that are present. The client address is left out: it is not on the topic, and it is personal data that
 * an erasure may remove.
 */
public final class ChainEncoding {

    public static final String GENESIS = "0".repeat(64);

    /** The metadata keys the hash covers. */
    public static final List<String> METADATA_KEYS = List.of(CommandMetadata.ACTOR, CommandMetadata.CLIENT_ID,
            CommandMetadata.CORRELATION_ID, CommandMetadata.REASON);

    private static final Set<String> COVERED = Set.copyOf(METADATA_KEYS);
    private static final HexFormat HEX = HexFormat.of();

    private ChainEncoding() {
    }

    public static String dataDigest(byte[] payload) {
        return sha256(CanonicalJson.of(payload));
    }

    public static String hash(String previousHash, StoredEvent event, String dataDigest) {
        return sha256(hashInput(previousHash, event, dataDigest));
    }

    /** What {@link #hash} hashes. */
    static byte[] hashInput(String previousHash, StoredEvent event, String dataDigest) {
        String head = previousHash + "\n" + event.tenantId() + "\n" + event.sequence() + "\n" + typeOf(event)
                + "\n" + occurredAt(event.timeStamp()) + "\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] metadata = CanonicalJson.ofMembers(event.metaData(), COVERED);
        byte[] end = ("\n" + dataDigest).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[start.length + metadata.length + end.length];
        System.arraycopy(start, 0, input, 0, start.length);
        System.arraycopy(metadata, 0, input, start.length, metadata.length);
        System.arraycopy(end, 0, input, start.length + metadata.length, end.length);
        return input;
    }

    /** The envelope's {@code type}: the payload class's simple name. */
    static String typeOf(StoredEvent event) {
        String type = event.payloadType();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The envelope's {@code occurred_at} of a stored time stamp: {@code Instant#toString}, as Jackson writes it. */
    static String occurredAt(String timeStamp) {
        return Instant.parse(timeStamp).toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
