package org.tenantregistry.command.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical form byte by byte. The expected digests were computed outside this code: with {@code sha256sum} on
 * the expected bytes, and with the README's Python script on the input.
 */
class CanonicalJsonTest {

    /** JSON escapes (backslash-u in the text) and raw characters (é, U+2028, DEL) alike. */
    private static final String INPUT = "{ \"b\" : [1.50, -0, 1.0E10, true, null, {\"z\":1,\"a\":2}], "
            + "\"a\" : \"x\\u001f\\n\\\"\\\\\\/\u00e9\u2028\u007f\", \"\\uE000\": 1, \"\\uD83D\\uDE00\": 2 }";
    private static final String CANONICAL = "{\"a\":\"x\\u001f\\n\\\"\\\\/\u00e9\u2028\u007f\","
            + "\"b\":[1.50,-0,1.0E10,true,null,{\"a\":2,\"z\":1}],\"\uD83D\uDE00\":2,\"\uE000\":1}";
    private static final String CANONICAL_SHA256 = "d8dca7355de16286c0948dd81591478ce58a3da6a17e083c87fcf30fda0e0a23";

    @Test
    void membersAreSortedByUtf16CodeUnitsWithoutWhitespaceAndNumbersKeepTheirCharacters() {
        byte[] canonical = CanonicalJson.of(utf8(INPUT));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
        assertThat(ChainEncoding.sha256(canonical)).isEqualTo(CANONICAL_SHA256);
    }

    @Test
    void theCanonicalFormOfACanonicalFormIsItself() {
        assertThat(CanonicalJson.of(utf8(CANONICAL))).isEqualTo(utf8(CANONICAL));
    }

    @Test
    void controlCharactersHaveTheirShortEscapesOrLowercaseHex() {
        assertThat(new String(CanonicalJson.of(utf8("\"\\b\\t\\n\\f\\r\\u0000\\u001F\\u0041\"")),
                StandardCharsets.UTF_8)).isEqualTo("\"\\b\\t\\n\\f\\r\\u0000\\u001fA\"");
    }

    @Test
    void whatHasNoCanonicalFormIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.of(utf8("{\"a\":1,\"a\":2}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(utf8("{\"a\":1} {}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(utf8("\"\\uD800\""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(utf8("{\"a\":"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChosenMembersArePresentOnesThatAreNotNull() {
        byte[] metadata = utf8("{\"reason\": null, \"correlation_id\": \"r-1\", \"client_address\": \"203.0.113.7\", "
                + "\"actor\": \"ops@example.com\", \"traceId\": \"t\"}");

        assertThat(new String(CanonicalJson.ofMembers(metadata, Set.of("actor", "client_id", "correlation_id",
                "reason")), StandardCharsets.UTF_8))
                .isEqualTo("{\"actor\":\"ops@example.com\",\"correlation_id\":\"r-1\"}");
        assertThat(CanonicalJson.ofMembers(null, Set.of("actor"))).isEqualTo(utf8("{}"));
        assertThat(CanonicalJson.ofMembers(utf8("null"), Set.of("actor"))).isEqualTo(utf8("{}"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
