package org.tenantregistry.command.tenant;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * What text the registry accepts, for every field that carries text: the same rule wherever the text goes, because
 * every event reaches read models (PostgreSQL {@code text} cannot hold U+0000), terminals, logs and browsers.
 * <ul>
 *   <li>a single line (names, identifiers, reasons, settings keys): no control character at all (C0, DEL, C1) and
 *       no line or paragraph separator, and no bidirectional embedding, override or isolate control (U+202A-U+202E,
 *       U+2066-U+2069): they reorder what is shown after them, so that a name or a slug reads as something else
 *       (CVE-2021-42574); the implicit marks U+200E and U+200F, which right-to-left names need, stay allowed;</li>
 *   <li>free text (a description, an address, settings values): tab and line feed, and carriage return only as part
 *       of CRLF (what browsers send for a textarea); a lone CR makes a terminal overwrite what was shown;</li>
 *   <li>never a lone surrogate: it is no character, and UTF-8 cannot encode it.</li>
 * </ul>
 */
public final class TextRules {

    private TextRules() {
    }

    /** Null when the value is acceptable as one line of text, otherwise why not. */
    public static String problemWithLine(String value) {
        return problemWith(value, false);
    }

    /** Null when the value is acceptable as free text, otherwise why not. */
    static String problemWithText(String value) {
        return problemWith(value, true);
    }

    /** Checks the value as it is stored: without the white space around it, which no field keeps. */
    static void checkLine(String field, String value, FieldErrors errors) {
        String problem = value == null ? null : problemWithLine(value.strip());
        if (problem != null) {
            errors.reject(field, problem);
        }
    }

    static void checkText(String field, String value, FieldErrors errors) {
        String problem = value == null ? null : problemWithText(value.strip());
        if (problem != null) {
            errors.reject(field, problem);
        }
    }

    /**
     * Whether anything of the value shows: a character that is no white space, no format character (U+200B, U+2060,
     * U+FEFF...), no other default-ignorable code point (the Hangul fillers), no mark without a base letter and no
     * blank Braille pattern.
     */
    static boolean hasVisibleCharacter(String value) {
        return value.codePoints().anyMatch(codePoint -> !isInvisible(codePoint));
    }

    private static String problemWith(String value, boolean multiLine) {
        for (int i = 0, position = 1; i < value.length(); position++) {
            int codePoint = value.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) { // unpaired
                return "must not contain a lone surrogate (" + notation(codePoint) + " at character " + position + ")";
            }
            if (!multiLine && isBidiControl(codePoint)) {
                return "must not contain bidirectional override or isolate controls (" + notation(codePoint)
                        + " at character " + position + ")";
            }
            if (!allowed(codePoint, multiLine, next < value.length() ? value.charAt(next) : -1)) {
                return (multiLine ? "must not contain control characters other than tab and line breaks"
                        : "must be one line without control characters")
                        + " (" + notation(codePoint) + " at character " + position + ")";
            }
            i = next;
        }
        return null;
    }

    private static boolean allowed(int codePoint, boolean multiLine, int following) {
        if (multiLine && (codePoint == '\t' || codePoint == '\n' || codePoint == '\u2028' || codePoint == '\u2029')) {
            return true;
        }
        if (multiLine && codePoint == '\r') {
            return following == '\n';
        }
        return !Character.isISOControl(codePoint) && codePoint != '\u2028' && codePoint != '\u2029';
    }

    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isInvisible(int codePoint) {
        int category = UCharacter.getType(codePoint);
        return UCharacter.hasBinaryProperty(codePoint, UProperty.WHITE_SPACE)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || category == UCharacterCategory.CONTROL || category == UCharacterCategory.FORMAT
                || category == UCharacterCategory.SPACE_SEPARATOR || category == UCharacterCategory.LINE_SEPARATOR
                || category == UCharacterCategory.PARAGRAPH_SEPARATOR
                || category == UCharacterCategory.NON_SPACING_MARK || category == UCharacterCategory.ENCLOSING_MARK
                || category == UCharacterCategory.COMBINING_SPACING_MARK
                || codePoint == 0x2800; // BRAILLE PATTERN BLANK: a symbol that renders as nothing
    }

    private static String notation(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
