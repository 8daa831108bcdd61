package org.tenantregistry.command.domain.dns;

import com.google.common.net.HostAndPort;
import com.google.common.net.InetAddresses;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Reads the entries of {@code tenant-registry.domains.dns-servers}: {@code host:port}, port 53 when left out, IPv6
 * in brackets ({@code [::1]:53}). A bare IPv6 address is refused rather than guessed at: in {@code fd00::1:53} the
 * last group could be meant as the port.
 */
final class DnsServerAddresses {

    static final String PROPERTY = "tenant-registry.domains.dns-servers";
    private static final int DNS_PORT = 53;

    private DnsServerAddresses() {
    }

    /**
     * @throws IllegalArgumentException naming the property and the entry when it is no {@code host:port}, or its host
     *                                  name does not resolve
     */
    static InetSocketAddress parse(String entry) {
        String trimmed = entry.trim();
        if (trimmed.isEmpty()) {
            throw invalid(entry, "the entry is empty");
        }
        HostAndPort server;
        try {
            server = HostAndPort.fromString(trimmed).requireBracketsForIPv6().withDefaultPort(DNS_PORT);
        } catch (IllegalArgumentException e) {
            throw invalid(entry, e.getMessage());
        }
        if (server.getPort() == 0) {
            throw invalid(entry, "port 0 is no port a server listens on");
        }
        String host = server.getHost();
        if (host.isEmpty()) {
            throw invalid(entry, "the host is missing");
        }
        if (InetAddresses.isInetAddress(host)) {
            return new InetSocketAddress(InetAddresses.forString(host), server.getPort());
        }
        try {
            // A name (a compose service, say) is resolved once, at start: the lookups then go to that address.
            return new InetSocketAddress(InetAddress.getByName(host), server.getPort());
        } catch (UnknownHostException e) {
            throw invalid(entry, "the host name " + host + " does not resolve");
        }
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException(PROPERTY + ": '" + entry + "' is no DNS server as host:port (port 53 when"
                + " left out, IPv6 in brackets as [::1]:53): " + reason);
    }
}
