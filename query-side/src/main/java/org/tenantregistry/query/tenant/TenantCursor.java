package org.tenantregistry.query.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a keyset page resumes: the sort it belongs to and the last row's sort key and id. Opaque to clients (URL-safe
 * Base64), carried by {@code links.next}.
 *
 * @param key the row's sort key as PostgreSQL renders it as text
 */
public record TenantCursor(TenantSort sort, String key, UUID id) {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "\n";

    public String encode() {
        String plain = String.join(SEPARATOR, VERSION, sort.wireName(), id.toString(), key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the text is no cursor of this version, or one of another sort than the
     *                                  request's (its position means nothing in this order)
     */
    public static TenantCursor decode(String text, TenantSort expectedSort) {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        String[] parts = plain.split(SEPARATOR, 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a cursor");
        }
        TenantSort sort = TenantSort.fromWireName(parts[1])
                .orElseThrow(() -> new IllegalArgumentException("unknown sort"));
        if (sort != expectedSort) {
            throw new IllegalArgumentException("a cursor of sort " + sort.wireName());
        }
        return new TenantCursor(sort, parts[3], UUID.fromString(parts[2]));
    }
}
