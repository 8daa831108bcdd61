package org.tenantregistry.command.domain.dns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.command.domain.DnsAnswer;
import org.tenantregistry.command.domain.DnsAnswer.Status;
import org.tenantregistry.command.domain.DomainProperties;
import org.tenantregistry.dns.LoopbackDnsServer;
import org.tenantregistry.dns.LoopbackDnsServer.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups against real DNS servers on the loopback interface. */
class ResolverDnsLookupIT {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final LoopbackDnsServer dns = new LoopbackDnsServer().start();
    private final LoopbackDnsServer second = new LoopbackDnsServer().start();

    @AfterEach
    void stop() {
        dns.close();
        second.close();
    }

    @Test
    void aCnameIsAnsweredWithItsTargetLowerCaseAndWithoutTheDot() {
        dns.cname("www.example.com", "Acme.Tenants.Localhost.");

        assertThat(lookup(dns).cname("www.example.com")).isEqualTo(DnsAnswer.answered(List.of("acme.tenants.localhost")));
    }

    @Test
    void eachTxtRecordIsOneValueOfItsStringsJoined() {
        dns.txt("_tenant-registry.example.com", "tr-verify=", "abc123").txt("_tenant-registry.example.com", "other");

        DnsAnswer answer = lookup(dns).txt("_tenant-registry.example.com");

        assertThat(answer.status()).isEqualTo(Status.ANSWERED);
        assertThat(answer.values()).containsExactlyInAnyOrder("tr-verify=abc123", "other");
    }

    @Test
    void aTxtAnswerTooLongForUdpIsAskedAgainOverTcp() {
        String[] strings = Collections.nCopies(8, "y".repeat(250)).toArray(String[]::new);
        dns.txt("big.example.com", strings);

        DnsAnswer answer = lookup(dns).txt("big.example.com");

        assertThat(answer).isEqualTo(DnsAnswer.answered(List.of(String.join("", strings))));
        assertThat(dns.queries()).extracting(Query::transport).containsExactly("udp", "tcp");
    }

    @Test
    void theNameIsAskedOnceAsItIsWithoutSearchDomains() {
        dns.cname("www.example.com", "acme.tenants.localhost");

        lookup(dns).cname("www.example.com");
        lookup(dns).txt("www.example.com.");

        assertThat(dns.queries()).containsExactly(
                new Query("www.example.com", "CNAME", "udp"), new Query("www.example.com", "TXT", "udp"));
    }

    @Test
    void anUnknownNameIsNxdomain() {
        assertThat(lookup(dns).cname("nothing.example.com")).isEqualTo(DnsAnswer.of(Status.NXDOMAIN));
        assertThat(lookup(dns).txt("nothing.example.com")).isEqualTo(DnsAnswer.of(Status.NXDOMAIN));
    }

    @Test
    void aNameWithoutRecordsOfTheTypeAskedIsNoData() {
        dns.a("example.com", "192.0.2.1");

        assertThat(lookup(dns).cname("example.com")).isEqualTo(DnsAnswer.of(Status.NO_DATA));
        assertThat(lookup(dns).txt("example.com")).isEqualTo(DnsAnswer.of(Status.NO_DATA));
    }

    @Test
    void aSilentResolverIsATimeout() {
        dns.cname("www.example.com", "acme.tenants.localhost").silence("www.example.com");

        assertThat(lookup(dns).cname("www.example.com")).isEqualTo(DnsAnswer.of(Status.TIMEOUT));
        assertThat(dns.queriesFor("www.example.com")).isEqualTo(1);
    }

    @Test
    void anUnreachableResolverIsATimeout() {
        assertThat(lookup(unreachable()).cname("www.example.com")).isEqualTo(DnsAnswer.of(Status.TIMEOUT));
    }

    @Test
    void servfailAndRefusedAreServerFailures() {
        dns.serverFailure("servfail.example.com").refuse("refused.example.com");

        assertThat(lookup(dns).cname("servfail.example.com")).isEqualTo(DnsAnswer.of(Status.SERVER_FAILURE));
        assertThat(lookup(dns).txt("refused.example.com")).isEqualTo(DnsAnswer.of(Status.SERVER_FAILURE));
    }

    @Test
    void anUnreadableAnswerIsAServerFailure() {
        dns.cname("www.example.com", "acme.tenants.localhost").garble("www.example.com");

        assertThat(lookup(dns).cname("www.example.com")).isEqualTo(DnsAnswer.of(Status.SERVER_FAILURE));
    }

    @Test
    void aResolverThatRecoversAnswersTheNextLookup() {
        ResolverDnsLookup lookup = lookup(dns);
        dns.cname("www.example.com", "acme.tenants.localhost").serverFailure("www.example.com");
        assertThat(lookup.cname("www.example.com")).isEqualTo(DnsAnswer.of(Status.SERVER_FAILURE));

        dns.recover("www.example.com");

        assertThat(lookup.cname("www.example.com")).isEqualTo(DnsAnswer.answered(List.of("acme.tenants.localhost")));
    }

    @Test
    void theNextResolverIsAskedWhenTheFirstIsSilent() {
        dns.silence("www.example.com");
        second.cname("www.example.com", "acme.tenants.localhost");

        assertThat(lookup(dns.address(), second.address()).cname("www.example.com"))
                .isEqualTo(DnsAnswer.answered(List.of("acme.tenants.localhost")));
        assertThat(dns.queriesFor("www.example.com")).isEqualTo(1);
    }

    @Test
    void theNextResolverIsAskedWhenTheFirstIsUnreachable() {
        second.cname("www.example.com", "acme.tenants.localhost");

        assertThat(lookup(unreachable(), second.address()).cname("www.example.com"))
                .isEqualTo(DnsAnswer.answered(List.of("acme.tenants.localhost")));
    }

    @Test
    void theNextResolverIsAskedWhenTheFirstFails() {
        dns.serverFailure("www.example.com");
        second.cname("www.example.com", "acme.tenants.localhost");

        assertThat(lookup(dns.address(), second.address()).cname("www.example.com"))
                .isEqualTo(DnsAnswer.answered(List.of("acme.tenants.localhost")));
    }

    @Test
    void aFailureOutranksATimeoutWhenNoResolverAnswers() {
        dns.silence("www.example.com");
        second.serverFailure("www.example.com");

        assertThat(lookup(dns.address(), second.address()).cname("www.example.com"))
                .isEqualTo(DnsAnswer.of(Status.SERVER_FAILURE));
    }

    @Test
    void anNxdomainOfTheFirstResolverIsTheAnswer() {
        second.cname("www.example.com", "acme.tenants.localhost");

        assertThat(lookup(dns.address(), second.address()).cname("www.example.com"))
                .isEqualTo(DnsAnswer.of(Status.NXDOMAIN));
        assertThat(second.queriesFor("www.example.com")).isZero();
    }

    @Test
    void aRecordChangedBetweenTwoLookupsIsSeenAtOnce() {
        ResolverDnsLookup lookup = lookup(dns);
        dns.txt("_tenant-registry.example.com", "old-token");
        assertThat(lookup.txt("_tenant-registry.example.com")).isEqualTo(DnsAnswer.answered(List.of("old-token")));

        dns.remove("_tenant-registry.example.com").txt("_tenant-registry.example.com", "new-token");

        assertThat(lookup.txt("_tenant-registry.example.com")).isEqualTo(DnsAnswer.answered(List.of("new-token")));
        assertThat(dns.queriesFor("_tenant-registry.example.com")).isEqualTo(2);
    }

    @Test
    void aTxtNameThatIsAnAliasAnswersTheTargetsRecords() {
        dns.cname("_tenant-registry.example.com", "_tenant-registry.dns-provider.example")
                .txt("_tenant-registry.dns-provider.example", "token");

        assertThat(lookup(dns).txt("_tenant-registry.example.com")).isEqualTo(DnsAnswer.answered(List.of("token")));
    }

    private static ResolverDnsLookup lookup(LoopbackDnsServer server) {
        return lookup(server.address());
    }

    private static ResolverDnsLookup lookup(String... servers) {
        return new ResolverDnsLookup(new DomainProperties("tenants.localhost", Arrays.asList(servers), TIMEOUT,
                Duration.ofDays(7), 20, Duration.ofHours(24), Duration.ofMinutes(1), 3));
    }

    /** A port of 127.0.0.1 that was free a moment ago: nothing listens there, the kernel answers port unreachable. */
    private static String unreachable() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
