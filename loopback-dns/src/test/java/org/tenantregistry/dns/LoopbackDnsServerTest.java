package org.tenantregistry.dns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tenantregistry.dns.LoopbackDnsServer.Query;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackDnsServerTest {

    private final LoopbackDnsServer dns = new LoopbackDnsServer().start();

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void anAnswerTooLongForUdpIsTruncatedThereAndGivenWholeOverTcp() throws IOException {
        List<String> strings = Collections.nCopies(6, "x".repeat(200));
        dns.txt("big.example.com", strings.toArray(String[]::new));

        Message response = ask("big.example.com", Type.TXT);

        assertThat(response.getSection(Section.ANSWER)).singleElement()
                .satisfies(record -> assertThat(((TXTRecord) record).getStrings()).isEqualTo(strings));
        assertThat(dns.queries()).containsExactly(
                new Query("big.example.com", "TXT", "udp"), new Query("big.example.com", "TXT", "tcp"));
    }

    @Test
    void aQueryForAnAliasAnswersItsCnameAndTheTargetsRecords() throws IOException {
        dns.cname("_verify.example.com", "_verify.dns-provider.example").txt("_verify.dns-provider.example", "token");

        Message response = ask("_verify.example.com", Type.TXT);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).extracting(Record::getType)
                .containsExactly(Type.CNAME, Type.TXT);
    }

    @Test
    void namesAreMatchedWhateverTheirCase() throws IOException {
        dns.a("WWW.Example.com", "192.0.2.1");

        assertThat(ask("www.EXAMPLE.com", Type.A).getSection(Section.ANSWER)).hasSize(1);
        assertThat(dns.queriesFor("Www.Example.Com")).isEqualTo(1);
    }

    @Test
    void aNameWithOtherRecordsAnswersNoDataAndAnUnknownNameNxdomain() throws IOException {
        dns.a("example.com", "192.0.2.1");

        Message noData = ask("example.com", Type.TXT);
        assertThat(noData.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(noData.getSection(Section.ANSWER)).isEmpty();
        assertThat(ask("nothing.example.com", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void aRemovedNameAnswersNxdomainAgain() throws IOException {
        dns.txt("example.com", "a").serverFailure("example.com");
        assertThat(ask("example.com", Type.TXT).getRcode()).isEqualTo(Rcode.SERVFAIL);

        dns.remove("example.com");

        assertThat(ask("example.com", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    private Message ask(String name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", dns.port()));
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN)));
    }
}
