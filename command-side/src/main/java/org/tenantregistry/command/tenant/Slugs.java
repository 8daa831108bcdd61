package org.tenantregistry.command.tenant;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a slug may be: a DNS label that is no reserved word, since it becomes {@code <slug>.<platform domain>}. */
final class Slugs {

    static final int MAX_LENGTH = 63;
    private static final int NUMBERED_TRIES = 10;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Host names the platform itself serves or that would let a tenant impersonate it. */
    private static final Set<String> RESERVED = Set.of(
            "admin", "administrator", "api", "app", "apps", "assets", "auth", "autoconfig", "autodiscover",
            "billing", "blog", "cdn", "console", "dashboard", "dev", "docs", "email", "ftp", "help", "imap",
            "internal", "localhost", "login", "mail", "mx", "ns", "ns1", "ns2", "ns3", "ns4", "pop", "pop3",
            "portal", "public", "root", "security", "smtp", "sso", "staging", "static", "status", "support",
            "system", "test", "webmail", "www");

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    /**
     * Every script to Latin, then Latin to ASCII: "Straße" gives "strasse", "Łódź" "lodz", Cyrillic "Москва" "moskva",
     * so a Cyrillic "Аdmin" is "admin", not "dmin". Compatibility forms go first ("ﬁ" is "fi", "①" "1"); marks left
     * without a composed form are dropped last. ICU's rule-based transliterators keep state between calls, so each
     * thread has its own: one shared behind a lock made concurrent creates queue for it.
     */
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("NFKC; Any-Latin; Latin-ASCII; NFD; [:Nonspacing Mark:] Remove; Lower"));

    private Slugs() {
    }

    /** Null when the slug is acceptable, otherwise why not. */
    static String problemWith(String slug) {
        if (slug.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!DNS_LABEL.matcher(slug).matches()) {
            return "must be a DNS label: lower-case letters, digits and inner hyphens";
        }
        if (RESERVED.contains(slug)) {
            return "'" + slug + "' is reserved";
        }
        return null;
    }

    /** The slug a name suggests ("Müller & Söhne GmbH" gives "muller-sohne-gmbh"); empty when nothing is left. */
    static String derivedFrom(String name) {
        String slug = NOT_SLUG.matcher(toLowerAscii(name)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH - 7) { // room for a "-NNNNNN" suffix when the plain slug is taken
            slug = trimHyphens(slug.substring(0, MAX_LENGTH - 7));
        }
        return RESERVED.contains(slug) ? slug + "-tenant" : slug;
    }

    /**
     * The slugs to try, in order, for a tenant that gave none: the one its name suggests, then "-2" to "-10", then a
     * suffix from its id, which no other tenant can have taken by chance.
     */
    static List<String> candidatesFor(String name, UUID tenantId) {
        String derived = derivedFrom(name);
        String base = derived.isEmpty() ? "tenant" : derived;
        List<String> candidates = new ArrayList<>();
        candidates.add(base);
        for (int n = 2; n <= NUMBERED_TRIES; n++) {
            candidates.add(base + "-" + n);
        }
        candidates.add(base + "-" + tenantId.toString().substring(0, 6));
        return candidates;
    }

    /** ASCII text comes out of every step of the transliteration as it went in, but for the case: it skips them. */
    private static String toLowerAscii(String name) {
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        return ascii ? name.toLowerCase(Locale.ROOT) : TO_ASCII.get().transliterate(name);
    }

    private static String trimHyphens(String slug) {
        return slug.replaceAll("^-+|-+$", "");
    }
}
