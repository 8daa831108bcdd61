package org.tenantregistry.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountryNamesTest {

    @Test
    void isoCodesBecomeEnglishNames() {
        assertThat(CountryNames.of("DE")).isEqualTo("Germany");
        assertThat(CountryNames.of("at")).isEqualTo("Austria");
    }

    @Test
    void noCodeOrAnUnknownCodeHasNoName() {
        assertThat(CountryNames.of(null)).isNull();
        assertThat(CountryNames.of("XX")).isNull();
        assertThat(CountryNames.of("1")).isNull();
    }
}
