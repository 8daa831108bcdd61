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
}
