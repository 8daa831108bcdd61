package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainNamesTest {

    @Test
    void anFqdnIsKeptAsItIs() {
        assertThat(DomainNames.normalize("acme.example.com")).contains("acme.example.com");
        assertThat(DomainNames.normalize("a.io")).contains("a.io");
        assertThat(DomainNames.normalize("x-1.y-2.example")).contains("x-1.y-2.example");
    }

    @Test
    void upperCaseSurroundingSpaceAndTheTrailingDotAreNormalizedAway() {
        assertThat(DomainNames.normalize("  Acme.EXAMPLE.com. ")).contains("acme.example.com");
    }

    @Test
    void anInternationalizedNameBecomesPunycode() {
        assertThat(DomainNames.normalize("bücher.example")).contains("xn--bcher-kva.example");
        assertThat(DomainNames.normalize("BÜCHER.example")).contains("xn--bcher-kva.example");
        assertThat(DomainNames.normalize("例え.テスト")).contains("xn--r8jz45g.xn--zckzah");
    }

    @Test
    void aNameInPunycodeIsAcceptedAsItIs() {
        assertThat(DomainNames.normalize("xn--bcher-kva.example")).contains("xn--bcher-kva.example");
    }

    @Test
    void aSingleLabelIsNoFqdn() {
        assertThat(DomainNames.normalize("localhost")).isEmpty();
        assertThat(DomainNames.normalize("localhost.")).isEmpty();
    }

    @Test
    void emptyLabelsAreRefused() {
        assertThat(DomainNames.normalize("acme..example.com")).isEmpty();
        assertThat(DomainNames.normalize(".example.com")).isEmpty();
        assertThat(DomainNames.normalize("example.com..")).isEmpty();
    }

    @Test
    void labelsWithLeadingOrTrailingHyphensOrUnderscoresAreRefused() {
        assertThat(DomainNames.normalize("-acme.example.com")).isEmpty();
        assertThat(DomainNames.normalize("acme-.example.com")).isEmpty();
        assertThat(DomainNames.normalize("acme_corp.example.com")).isEmpty();
    }

    @Test
    void urlsAndAddressesAreNoDomainNames() {
        assertThat(DomainNames.normalize("https://acme.example.com")).isEmpty();
        assertThat(DomainNames.normalize("acme.example.com/path")).isEmpty();
        assertThat(DomainNames.normalize("acme.example.com:8080")).isEmpty();
        assertThat(DomainNames.normalize("user@example.com")).isEmpty();
        assertThat(DomainNames.normalize("192.168.0.1")).isEmpty();
    }

    @Test
    void theTopLevelDomainMustBeLettersOrPunycode() {
        assertThat(DomainNames.normalize("acme.c0m")).isEmpty();
        assertThat(DomainNames.normalize("acme.c")).isEmpty();
        assertThat(DomainNames.normalize("acme.123")).isEmpty();
    }

    @Test
    void aLabelOf64CharactersIsRefused() {
        assertThat(DomainNames.normalize("a".repeat(63) + ".example.com")).isPresent();
        assertThat(DomainNames.normalize("a".repeat(64) + ".example.com")).isEmpty();
    }

    @Test
    void aNameLongerThan253CharactersIsRefused() {
        String label = "a".repeat(60);
        String name247 = String.join(".", label, label, label, label) + ".com"; // 4 * 61 + 3
        assertThat(name247).hasSize(247);
        assertThat(DomainNames.normalize(name247)).isPresent();
        String tooLong = "abcdef." + name247; // 254
        assertThat(DomainNames.normalize(tooLong)).isEmpty();
    }

    @Test
    void blankOrGarbageIsRefused() {
        assertThat(DomainNames.normalize("")).isEmpty();
        assertThat(DomainNames.normalize("   ")).isEmpty();
        assertThat(DomainNames.normalize("not a domain")).isEmpty();
    }

    @Test
    void invalidPunycodeIsRefused() {
        assertThat(DomainNames.normalize("xn--zz.example.com")).isEmpty();
        assertThat(DomainNames.problemWith("xn--zz.example.com")).contains("IDNA 2008", "punycode");
        assertThat(DomainNames.normalize("xn--a.example")).isEmpty();
    }

    @Test
    void idna2008KeepsSharpSAndRefusesWhatItDisallows() {
        assertThat(DomainNames.normalize("faß.de")).contains("xn--fa-hia.de"); // IDNA 2003 made it fass.de
        assertThat(DomainNames.normalize("a\u200db.example.com")).isEmpty(); // a joiner outside its context
        assertThat(DomainNames.normalize("ab--c.example.com")).isEmpty(); // hyphens 3 and 4 are for ACE prefixes
    }

    @Test
    void aMixedScriptConfusableLabelIsRefusedInUnicodeAndInPunycode() {
        assertThat(DomainNames.normalize("p\u0430ypal.com")).isEmpty(); // Cyrillic а
        assertThat(DomainNames.normalize("xn--pypal-4ve.com")).isEmpty();
        assertThat(DomainNames.problemWith("p\u0430ypal.com")).contains("xn--pypal-4ve", "look alike");
        assertThat(DomainNames.normalize("g\u043e\u043egle.example")).isEmpty(); // Cyrillic о о
        assertThat(DomainNames.normalize("b\u00fccher\u03b5.example")).isEmpty(); // Latin with Greek
    }

    @Test
    void aLabelInOneScriptThatReadsAsAnAsciiLabelIsRefused() {
        assertThat(DomainNames.problemWith("\u0430\u0440\u0440\u04cf\u0435.com")) // Cyrillic "apple"
                .isEqualTo("label 'xn--80ak6aa92e' looks like 'apple' and would pass for it");
        assertThat(DomainNames.normalize("\u0131nstagram.example")).isEmpty(); // dotless ı
    }

    @Test
    void underATopLevelDomainInTheSameScriptSuchALabelIsAccepted() {
        assertThat(DomainNames.normalize("\u0441\u043e\u0441\u043e.\u0440\u0444")).isPresent(); // сосо.рф
        assertThat(DomainNames.normalize("\u0441\u043e\u0441\u043e.com")).isEmpty(); // сосо.com passes for coco.com
    }

    @Test
    void aLabelInOneScriptThatLooksLikeNoAsciiNameIsAccepted() {
        assertThat(DomainNames.normalize("москва.example")).contains("xn--80adxhks.example");
        assertThat(DomainNames.normalize("münchen.de")).contains("xn--mnchen-3ya.de");
        assertThat(DomainNames.normalize("ελλάδα.example")).isPresent();
        assertThat(DomainNames.normalize("東京-tokyo.example")).isPresent(); // Han with Latin is no confusable mix
    }

    @Test
    void aPublicSuffixIsRefused() {
        assertThat(DomainNames.normalize("co.uk")).isEmpty();
        assertThat(DomainNames.problemWith("CO.UK.")).contains("'co.uk' is a public suffix");
        assertThat(DomainNames.normalize("github.io")).isEmpty();
        assertThat(DomainNames.normalize("公司.cn")).isEmpty();
    }

    @Test
    void aRegistrableDomainOrASubdomainOfOneIsAccepted() {
        assertThat(DomainNames.normalize("acme.co.uk")).contains("acme.co.uk");
        assertThat(DomainNames.normalize("voice.acme.co.uk")).contains("voice.acme.co.uk");
        assertThat(DomainNames.normalize("acme.github.io")).contains("acme.github.io");
        assertThat(DomainNames.normalize("tenant.internal")).contains("tenant.internal"); // no known suffix at all
    }

    @Test
    void fullWidthAndOtherCompatibilityFormsAreMappedAsUts46Says() {
        assertThat(DomainNames.normalize("\uff21\uff23\uff2d\uff25.example.com")).contains("acme.example.com");
    }
}
