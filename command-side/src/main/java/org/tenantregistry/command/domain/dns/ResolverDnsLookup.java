package org.tenantregistry.command.domain.dns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.domain.DnsAnswer;
import org.tenantregistry.command.domain.DnsAnswer.Status;
import org.tenantregistry.command.domain.DnsLookup;
import org.tenantregistry.command.domain.DomainProperties;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Asks the configured resolvers (else the system's, as dnsjava's {@link ResolverConfig} reads them at start) one
 * question per lookup, sent as is: an absolute name, so no search domain is tried, and no cache in between.
 * <p>
 * The resolvers are asked in their order, each once and given the whole {@code dns-timeout}; the next is asked when
 * one does not answer in time, cannot be reached, answers SERVFAIL, REFUSED or another error, or answers something
 * unreadable, as a stub resolver moves on. The first NOERROR or NXDOMAIN is the answer. When none gives one, the
 * lookup is a {@link Status#SERVER_FAILURE} if any resolver answered at all, else a {@link Status#TIMEOUT}. A
 * truncated UDP answer is asked again over TCP (dnsjava's {@link SimpleResolver} does so).
 * <p>
 * dnsjava's ExtendedResolver is not used: it returns a SERVFAIL without asking the next resolver, reorders its
 * resolvers by their past failures, and its timeout bounds only when it stops trying another one.
 */
@Component
public class ResolverDnsLookup implements DnsLookup {

    private static final Logger log = LoggerFactory.getLogger(ResolverDnsLookup.class);

    private final List<SimpleResolver> resolvers;

    public ResolverDnsLookup(DomainProperties properties) {
        List<InetSocketAddress> servers = properties.dnsServers().isEmpty()
                ? ResolverConfig.getCurrentConfig().servers()
                : properties.dnsServers().stream().map(DnsServerAddresses::parse).toList();
        this.resolvers = servers.stream().map(server -> {
            SimpleResolver resolver = new SimpleResolver(server);
            resolver.setTimeout(properties.dnsTimeout());
            return resolver;
        }).toList();
    }

    @Override
    public DnsAnswer cname(String name) {
        return ask(name, Type.CNAME, record -> ((CNAMERecord) record).getTarget().toString(true).toLowerCase(Locale.ROOT));
    }

    /**
     * A name that is an alias answers with the TXT records at the end of its CNAME chain, as resolvers give them
     * (NO_DATA when there are none there).
     */
    @Override
    public DnsAnswer txt(String name) {
        return ask(name, Type.TXT, record -> joined((TXTRecord) record));
    }

    private DnsAnswer ask(String name, int type, Function<Record, String> value) {
        Record question = Record.newRecord(absolute(name), type, DClass.IN);
        Status failure = Status.TIMEOUT;
        for (SimpleResolver resolver : resolvers) {
            if (Thread.currentThread().isInterrupted()) {
                // Its thread is being stopped (dnsjava keeps the interrupt set): no other resolver is asked.
                break;
            }
            Message response;
            try {
                response = resolver.send(Message.newQuery(question));
            } catch (IOException e) {
                log.debug("{} {}: no answer from {}: {}", name, Type.string(type), resolver.getAddress(), e.toString());
                if (unreadable(e)) {
                    failure = Status.SERVER_FAILURE;
                }
                continue;
            }
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return DnsAnswer.of(Status.NXDOMAIN);
            }
            if (rcode == Rcode.NOERROR) {
                List<String> values = response.getSection(Section.ANSWER).stream()
                        .filter(record -> record.getType() == type)
                        .map(value)
                        .toList();
                return values.isEmpty() ? DnsAnswer.of(Status.NO_DATA) : DnsAnswer.answered(values);
            }
            log.debug("{} {}: {} answered {}", name, Type.string(type), resolver.getAddress(), Rcode.string(rcode));
            failure = Status.SERVER_FAILURE;
        }
        return DnsAnswer.of(failure);
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a domain name: " + name, e);
        }
    }

    /** The resolver answered, but with a message that is no answer to the question (damaged, or another's). */
    private static boolean unreadable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WireParseException) {
                return true;
            }
        }
        return false;
    }

    /** The record's strings as one value: their bytes joined first, so a character split across two stays whole. */
    private static String joined(TXTRecord record) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        record.getStringsAsByteArrays().forEach(value::writeBytes);
        return value.toString(StandardCharsets.UTF_8);
    }
}
