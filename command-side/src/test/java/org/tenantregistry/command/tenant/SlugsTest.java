package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void aDnsLabelThatIsNoReservedWordIsAcceptable() {
        assertThat(Slugs.problemWith("acme")).isNull();
        assertThat(Slugs.problemWith("a")).isNull();
        assertThat(Slugs.problemWith("0")).isNull();
        assertThat(Slugs.problemWith("acme-2")).isNull();
        assertThat(Slugs.problemWith("a--b")).isNull();
        assertThat(Slugs.problemWith("a".repeat(63))).isNull();
    }

    @Test
    void upperCaseUnderscoresDotsAndSpacesAreNoDnsLabel() {
        assertThat(Slugs.problemWith("Acme")).contains("DNS label");
        assertThat(Slugs.problemWith("acme_corp")).contains("DNS label");
        assertThat(Slugs.problemWith("acme.corp")).contains("DNS label");
        assertThat(Slugs.problemWith("acme corp")).contains("DNS label");
        assertThat(Slugs.problemWith("müller")).contains("DNS label");
    }

    @Test
    void aLeadingOrTrailingHyphenOrAnEmptySlugIsNoDnsLabel() {
        assertThat(Slugs.problemWith("-acme")).contains("DNS label");
        assertThat(Slugs.problemWith("acme-")).contains("DNS label");
        assertThat(Slugs.problemWith("")).contains("DNS label");
    }

    @Test
    void lettersWithoutADecompositionAreSpelledOutInADerivedSlug() {
        assertThat(Slugs.derivedFrom("Straße & Søn Łódź")).isEqualTo("strasse-son-lodz");
        assertThat(Slugs.derivedFrom("ÆRØ æble")).isEqualTo("aero-aeble");
    }

    @Test
    void manyThreadsDerivingSlugsAtOnceEachGetWhatOneThreadAloneWould() throws Exception {
        List<String> names = List.of("Straße & Søn Łódź", "Москва Телеком", "ÆRØ æble", "Müller & Söhne GmbH",
                "東京 Tokyo", "ﬁnance ①");
        List<String> alone = names.stream().map(Slugs::derivedFrom).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> together = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                together.add(threads.submit(() -> names.stream().map(Slugs::derivedFrom).toList()));
            }
            for (Future<List<String>> derived : together) {
                assertThat(derived.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(alone).startsWith("strasse-son-lodz", "moskva-telekom");
    }

    @Test
    void sixtyFourCharactersAreTooMany() {
        assertThat(Slugs.problemWith("a".repeat(64))).isEqualTo("must be at most 63 characters");
    }

    @Test
    void reservedWordsAreRefusedByName() {
        assertThat(Slugs.problemWith("admin")).isEqualTo("'admin' is reserved");
        assertThat(Slugs.problemWith("www")).isEqualTo("'www' is reserved");
        assertThat(Slugs.problemWith("ns1")).isEqualTo("'ns1' is reserved");
        assertThat(Slugs.problemWith("admins")).isNull();
    }

    @Test
    void aDerivedSlugDropsAccentsAndJoinsWordsWithSingleHyphens() {
        assertThat(Slugs.derivedFrom("Müller & Söhne GmbH")).isEqualTo("muller-sohne-gmbh");
        assertThat(Slugs.derivedFrom("  Café   Zürich!! ")).isEqualTo("cafe-zurich");
        assertThat(Slugs.derivedFrom("ACME Corp. (EU)")).isEqualTo("acme-corp-eu");
    }

    @Test
    void aDerivedSlugIsAlwaysAnAcceptableSlugWhenNotEmpty() {
        for (String name : new String[] {"Admin", "WWW", "--x--", "Ünïcödé Ltd", "a".repeat(300), "A-" + "b".repeat(60)}) {
            assertThat(Slugs.problemWith(Slugs.derivedFrom(name))).as(name).isNull();
        }
    }

    @Test
    void aReservedWordDerivesTheWordWithSuffixTenant() {
        assertThat(Slugs.derivedFrom("Admin")).isEqualTo("admin-tenant");
        assertThat(Slugs.derivedFrom("  API  ")).isEqualTo("api-tenant");
    }

    @Test
    void aLongNameDerivesASlugWithRoomForASevenCharacterSuffix() {
        String slug = Slugs.derivedFrom("x".repeat(100));
        assertThat(slug).hasSize(56);
        assertThat(Slugs.problemWith(slug + "-3f2a9c")).isNull();
    }

    @Test
    void truncationDoesNotLeaveATrailingHyphen() {
        String name = "a".repeat(55) + " b";   // the 56th character is the space that becomes a hyphen
        assertThat(Slugs.derivedFrom(name)).isEqualTo("a".repeat(55));
    }

    @Test
    void aNameInAnotherScriptIsTransliterated() {
        assertThat(Slugs.derivedFrom("Москва Телеком")).isEqualTo("moskva-telekom");
        assertThat(Slugs.derivedFrom("Αθήνα")).isEqualTo("athena");
        assertThat(Slugs.derivedFrom("서울")).isEqualTo("seoul");
        // Han is read as Mandarin: a stable, pronounceable slug rather than none
        assertThat(Slugs.derivedFrom("東京")).isEqualTo("dong-jing");
    }

    @Test
    void aLookAlikeOfAReservedWordIsTheReservedWord() {
        assertThat(Slugs.derivedFrom("\u0410dmin")).isEqualTo("admin-tenant"); // Cyrillic capital A
        assertThat(Slugs.derivedFrom("\u0410P\u0406")).isEqualTo("api-tenant"); // Cyrillic А and І
        assertThat(Slugs.derivedFrom("\uff37\uff37\uff37")).isEqualTo("www-tenant"); // full-width W
    }

    @Test
    void compatibilityFormsAndStrayMarksBecomePlainLetters() {
        assertThat(Slugs.derivedFrom("\ufb01nance \u2460")).isEqualTo("finance-1");
        assertThat(Slugs.derivedFrom("q\u0301uick")).isEqualTo("quick");
        assertThat(Slugs.derivedFrom("Æble Œuvre Þór")).isEqualTo("aeble-oeuvre-thor");
    }

    @Test
    void aNameWithoutLettersOrDigitsDerivesNothing() {
        assertThat(Slugs.derivedFrom("!!!")).isEmpty();
        assertThat(Slugs.derivedFrom("\u200b\u2060")).isEmpty();
    }
}
