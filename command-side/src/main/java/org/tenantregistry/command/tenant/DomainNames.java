package org.tenantregistry.command.tenant;

import com.google.common.net.InternetDomainName;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fully qualified domain names as the registry stores them: lower-case ASCII (IDNs as A-labels, in punycode), no
 * trailing dot. A name must pass IDNA 2008 as UTS 46 applies it (non-transitional: "faß.de" stays "faß", not "fass"),
 * must not look like another name (a Cyrillic "а" in "pаypal.com"), and must not be a public suffix ({@code co.uk},
 * {@code github.io}), which nobody owns, so no tenant can.
 */
public final class DomainNames {

    private static final String NOT_AN_FQDN = "must be a fully qualified domain name such as tenant.example.com";
    private static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);

    /**
     * UTS 39's identifier profile at the moderately restrictive level, as browsers judge IDNs: one script, or Latin
     * with one other script that is not confusable with it (Cyrillic, Greek and Cherokee are), no digits of two
     * numbering systems, no characters that are not recommended for identifiers.
     */
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .setAllowedChars(new UnicodeSet(SpoofChecker.RECOMMENDED).addAll(SpoofChecker.INCLUSION).freeze())
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.CHAR_LIMIT | SpoofChecker.MIXED_NUMBERS
                    | SpoofChecker.INVISIBLE | SpoofChecker.HIDDEN_OVERLAY)
            .build();

    private DomainNames() {
    }

    /** The normalized name, or empty when the input is no acceptable tenant domain ({@link #problemWith} says why). */
    public static Optional<String> normalize(String input) {
        return Optional.ofNullable(check(input).name());
    }

    /** Null when the input is an acceptable tenant domain, otherwise why not. */
    public static String problemWith(String input) {
        return check(input).problem();
    }

    private record Checked(String name, String problem) {
    }

    private static Checked check(String input) {
        String name = input.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(name, ascii, info);
        if (name.isEmpty() || info.hasErrors()) {
            return refused(name.isEmpty() || info.getErrors().contains(IDNA.Error.EMPTY_LABEL) ? NOT_AN_FQDN
                    : NOT_AN_FQDN + " valid under IDNA 2008 (" + describe(info) + ")");
        }
        String normalized = ascii.toString().toLowerCase(Locale.ROOT);
        String[] labels = normalized.split("\\.", -1);
        if (normalized.length() > MAX_LENGTH || labels.length < 2
                || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return refused(NOT_AN_FQDN);
        }
        boolean asciiTopLevel = !labels[labels.length - 1].startsWith("xn--");
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return refused(NOT_AN_FQDN);
            }
            String lookAlike = lookAlikeProblem(label, asciiTopLevel);
            if (lookAlike != null) {
                return refused(lookAlike);
            }
        }
        if (InternetDomainName.from(normalized).isPublicSuffix()) {
            return refused("'" + normalized + "' is a public suffix, which no tenant can own; use a name registered "
                    + "under it, such as tenant." + normalized);
        }
        return new Checked(normalized, null);
    }

    /**
     * Null unless the label, read as Unicode, mixes scripts that look alike or, under an ASCII top-level domain, reads
     * exactly as an ASCII label it is not: a Cyrillic "аррӏе.com" that shows as "apple.com" is refused as surely as a
     * mixed "pаypal.com", while under ".рф" a Cyrillic name cannot pass for a Latin one.
     */
    private static String lookAlikeProblem(String asciiLabel, boolean asciiTopLevel) {
        if (!asciiLabel.startsWith("xn--")) {
            return null;
        }
        StringBuilder unicode = new StringBuilder();
        UTS46.labelToUnicode(asciiLabel, unicode, new IDNA.Info());
        String label = unicode.toString();
        if (SPOOF_CHECKER.failsChecks(label)) {
            return "label '" + asciiLabel + "' mixes scripts or characters that look alike, which would let it pass "
                    + "for another name";
        }
        String skeleton = SPOOF_CHECKER.getSkeleton(label);
        if (asciiTopLevel && skeleton.chars().allMatch(c -> c < 0x80)) {
            return "label '" + asciiLabel + "' looks like '" + skeleton + "' and would pass for it";
        }
        return null;
    }

    private static String describe(IDNA.Info info) {
        return info.getErrors().stream().map(error -> error.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static Checked refused(String problem) {
        return new Checked(null, problem);
    }
}
