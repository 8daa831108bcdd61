package org.tenantregistry.command.domain.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tenantregistry.command.domain.DomainProperties;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DnsServerAddressesTest {

    @Test
    void anAddressWithoutAPortIsAskedOnPort53() throws Exception {
        assertThat(DnsServerAddresses.parse("192.0.2.1"))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 53));
    }

    @Test
    void anAddressWithAPortIsAskedThere() throws Exception {
        assertThat(DnsServerAddresses.parse(" 192.0.2.1:5353 "))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5353));
    }

    @Test
    void anIpv6AddressIsWrittenInBrackets() throws Exception {
        assertThat(DnsServerAddresses.parse("[::1]:5353"))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("::1"), 5353));
        assertThat(DnsServerAddresses.parse("[2001:db8::53]"))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("2001:db8::53"), 53));
    }

    @Test
    void aHostNameIsResolvedOnce() throws Exception {
        assertThat(DnsServerAddresses.parse("localhost:5353"))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("localhost"), 5353));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "::1", "fd00::1:53", "[::1", "192.0.2.1:dns", "192.0.2.1:65536", "192.0.2.1:0",
            ":53", "192.0.2.1:53:53"})
    void anythingElseIsRefusedNamingTheProperty(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> DnsServerAddresses.parse(entry))
                .withMessageStartingWith("tenant-registry.domains.dns-servers: '" + entry + "' is no DNS server");
    }

    @Test
    void aMalformedEntryFailsTheStartNamingTheProperty() {
        new ApplicationContextRunner()
                .withUserConfiguration(Lookup.class)
                .withPropertyValues("tenant-registry.domains.dns-servers=127.0.0.1:5353, ::1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("tenant-registry.domains.dns-servers: '::1' is no DNS server"));
    }

    @Test
    void wellFormedEntriesStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(Lookup.class)
                .withPropertyValues("tenant-registry.domains.dns-servers=127.0.0.1:5353, [::1]")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ResolverDnsLookup.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DomainProperties.class)
    @Import(ResolverDnsLookup.class)
    static class Lookup {
    }
}
