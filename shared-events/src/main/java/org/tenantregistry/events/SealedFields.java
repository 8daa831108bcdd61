package org.tenantregistry.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Personal fields of an envelope's {@code data} travel sealed with the tenant's own key (crypto-shredding): when the
 * tenant is purged the registry destroys the key, and every copy of those fields on the topic, in any consumer's
 * backlog or in a dump, becomes unreadable at once, although Kafka keeps the records. The README's "Erasure" section
 * specifies the format for consumers in any language:
 * <pre>
 * sealed = "sealed:v1:" base64url-without-padding(nonce(12 bytes) || AES-256-GCM ciphertext and 16-byte tag)
 * aad    = tenant_id "/" event_id "/" path          (UTF-8; path: the field's member names joined by ".")
 * nonce  = the first 12 bytes of HMAC-SHA256(key, aad)
 * </pre>
 * The associated data binds a sealed value to its tenant, event and field, so that it cannot be moved to another.
 * The nonce is derived rather than random so that the same stored event always gives the same bytes (a republished
 * record equals the first one); a key and nonce pair still never seals two different texts, because an event's
 * field never changes (a redaction removes it, it never seals another text in its place).
 */
public final class SealedFields {

    public static final String PREFIX = "sealed:v1:";
    public static final String ALGORITHM = "A256GCM";
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SealedFields() {
    }

    /** Whether the value is a sealed string: a consumer opens it, or treats it as erased when the key is gone. */
    public static boolean isSealed(JsonNode value) {
        return value != null && value.isString() && value.asString().startsWith(PREFIX);
    }

    /** Whether any of the given fields holds a string still to seal. */
    public static boolean holdsAny(JsonNode data, Collection<String> paths) {
        return paths.stream().anyMatch(path -> sealable(data, path));
    }

    /**
     * A copy of {@code data} with each of the given fields that holds a string sealed; absent, null and non-string
     * fields stay as they are.
     *
     * @param paths fields as dotted member names, such as {@code email} or {@code profile.address}
     */
    public static JsonNode seal(JsonNode data, Collection<String> paths, byte[] key, UUID tenantId, UUID eventId) {
        JsonNode copy = data.deepCopy();
        for (String path : paths) {
            replace(copy, path, text -> JsonNodeFactory.instance.stringNode(
                    seal(text, key, aad(tenantId, eventId, path))));
        }
        return copy;
    }

    /** A copy of {@code data} with the given fields null wherever they hold a value: what remains after an erasure. */
    public static JsonNode erase(JsonNode data, Collection<String> paths) {
        JsonNode copy = data.deepCopy();
        for (String path : paths) {
            String name = lastName(path);
            if (parentOf(copy, path) instanceof ObjectNode object && object.has(name) && !object.get(name).isNull()) {
                object.putNull(name);
            }
        }
        return copy;
    }

    /**
     * A copy of {@code data} with every sealed string in it opened with {@code key}, or made null when {@code key} is
     * null (the tenant's key was destroyed: the fields are erased for this consumer too).
     *
     * @throws SealedValueException when a sealed value does not open with the key
     */
    public static JsonNode open(JsonNode data, byte[] key, UUID tenantId, UUID eventId) {
        JsonNode copy = data.deepCopy();
        openWithin(copy, "", key, tenantId, eventId);
        return copy;
    }

    private static void openWithin(JsonNode node, String prefix, byte[] key, UUID tenantId, UUID eventId) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> members = object.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String path = prefix + member.getKey();
            if (isSealed(member.getValue())) {
                member.setValue(key == null ? JsonNodeFactory.instance.nullNode()
                        : JsonNodeFactory.instance.stringNode(open(member.getValue().asString(), key,
                        aad(tenantId, eventId, path), path)));
            } else {
                openWithin(member.getValue(), path + ".", key, tenantId, eventId);
            }
        }
    }

    private static void replace(JsonNode root, String path, Function<String, JsonNode> change) {
        if (sealable(root, path)) {
            ObjectNode parent = (ObjectNode) parentOf(root, path);
            String name = lastName(path);
            parent.set(name, change.apply(parent.get(name).asString()));
        }
    }

    private static boolean sealable(JsonNode root, String path) {
        JsonNode value = parentOf(root, path) instanceof ObjectNode object ? object.get(lastName(path)) : null;
        return value != null && value.isString() && !isSealed(value);
    }

    /** The object holding the path's last member, or null when the data has no such object. */
    private static JsonNode parentOf(JsonNode root, String path) {
        String[] names = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < names.length - 1 && parent != null; i++) {
            parent = parent.get(names[i]);
        }
        return parent;
    }

    private static String lastName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static byte[] aad(UUID tenantId, UUID eventId, String path) {
        return (tenantId + "/" + eventId + "/" + path).getBytes(StandardCharsets.UTF_8);
    }

    static String seal(String text, byte[] key, byte[] aad) {
        try {
            byte[] nonce = nonce(key, aad);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] value = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, value, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, value, NONCE_BYTES, sealed.length);
            return PREFIX + ENCODER.encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has AES-GCM and HMAC-SHA256", e);
        }
    }

    static String open(String sealed, byte[] key, byte[] aad, String path) {
        byte[] value;
        try {
            value = DECODER.decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("sealed field " + path + " is not base64url", e);
        }
        if (value.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("sealed field " + path + " is too short to be sealed", null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(value, NONCE_BYTES));
            cipher.updateAAD(aad);
            byte[] text = cipher.doFinal(value, NONCE_BYTES, value.length - NONCE_BYTES);
            return new String(text, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("sealed field " + path + " does not open with the tenant's key", e);
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("sealed field " + path + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static byte[] nonce(byte[] key, byte[] aad) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Arrays.copyOf(mac.doFinal(aad), NONCE_BYTES);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new InvalidKeyException("a tenant's key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }
}
