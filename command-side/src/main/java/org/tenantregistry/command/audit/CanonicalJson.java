package org.tenantregistry.command.audit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical form of a JSON text that the event chain hashes: RFC 8785 (JCS) but for numbers, which keep the exact
 * characters of their token. Object members sorted by their names' UTF-16 code units (what {@link String#compareTo}
 * compares), no whitespace, strings escaped as JCS says (only {@code "}, {@code \} and U+0000 to U+001F, those with a
 * short form as {@code \b \t \n \f \r}, the others as {@code \}{@code u00xx} in lowercase hex; everything else as its
 * UTF-8 bytes), output in UTF-8. Numbers verbatim rather than as JCS's ES6 doubles: the contract writes them (prices as
 * decimals, settings as the client sent them) and a digest must change when one digit does, beyond a double's
 * precision too. Duplicate member names, lone surrogates and anything after the value are refused, since they have
 * no canonical form.
 */
final class CanonicalJson {

    private static final JsonMapper PARSER = JsonMapper.builder().build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** @throws IllegalArgumentException when the bytes are not one JSON value with a canonical form */
    static byte[] of(byte[] json) {
        try (JsonParser parser = PARSER.createParser(json)) {
            StringBuilder out = new StringBuilder(json.length);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON value");
            }
            write(parser, first, out);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The canonical form of the object made of the named members of a JSON object that are present and not null (an
     * empty object when none is, or when the text is empty or JSON {@code null}).
     */
    static byte[] ofMembers(byte[] json, Set<String> names) {
        if (json == null || json.length == 0) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try (JsonParser parser = PARSER.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.VALUE_NULL) {
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            Map<String, String> members = members(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value");
            }
            members.keySet().retainAll(names);
            members.values().removeIf("null"::equals);
            StringBuilder out = new StringBuilder();
            writeMembers(members, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void write(JsonParser parser, JsonToken token, StringBuilder out) {
        switch (token) {
            case START_OBJECT -> writeMembers(members(parser), out);
            case START_ARRAY -> {
                out.append('[');
                JsonToken next = parser.nextToken();
                boolean first = true;
                while (next != JsonToken.END_ARRAY) {
                    if (!first) {
                        out.append(',');
                    }
                    write(parser, next, out);
                    first = false;
                    next = parser.nextToken();
                }
                out.append(']');
            }
            case VALUE_STRING -> string(parser.getString(), out);
            // the token's own characters (see the class comment)
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(parser.getString());
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalArgumentException("unexpected " + token);
        }
    }

    /** The members of the object whose START_OBJECT the parser is on, each name with its value's canonical form. */
    private static Map<String, String> members(JsonParser parser) {
        Map<String, String> members = new TreeMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            StringBuilder value = new StringBuilder();
            write(parser, parser.nextToken(), value);
            if (members.put(name, value.toString()) != null) {
                throw new IllegalArgumentException("duplicate member \"" + name + "\"");
            }
        }
        return members;
    }

    private static void writeMembers(Map<String, String> members, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            string(member.getKey(), out);
            out.append(':').append(member.getValue());
            first = false;
        }
        out.append('}');
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate in a string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
