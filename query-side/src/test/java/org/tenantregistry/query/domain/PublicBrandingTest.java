package org.tenantregistry.query.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicBrandingTest {

    @Test
    void aHostIsMatchedInLowerCaseWithoutItsTrailingDotAndIdnsAsALabels() {
        assertThat(PublicBranding.normalized("Portal.ACME.com.")).hasValue("portal.acme.com");
        assertThat(PublicBranding.normalized("bücher.example")).hasValue("xn--bcher-kva.example");
        assertThat(PublicBranding.normalized("XN--BCHER-KVA.example")).hasValue("xn--bcher-kva.example");
        assertThat(PublicBranding.normalized("[::1]")).hasValue("::1");
    }

    @Test
    void whatIsNoHostNameIsNoHost() {
        assertThat(PublicBranding.normalized("")).isEmpty();
        assertThat(PublicBranding.normalized(".")).isEmpty();
        assertThat(PublicBranding.normalized(null)).isEmpty();
        assertThat(PublicBranding.normalized("a".repeat(64) + ".example")).isEmpty();
    }
}
