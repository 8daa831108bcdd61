package org.tenantregistry.dns;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server for tests, on 127.0.0.1 and a free port, over UDP and TCP (each message after its two-byte
 * length), authoritative for every name: a name it has records for answers them, a name with records but none of
 * the type asked answers NOERROR with an empty answer (NODATA), any other name NXDOMAIN. A query for a type the name
 * has none of, when the name has a CNAME, answers the CNAME and what its target answers, as an authoritative server
 * for both names would.
 * <p>
 * Records are kept as given, even combinations real zones forbid (two CNAMEs, a CNAME beside other data), so that
 * tests can see how such answers are handled. They have TTL 0. Tests may change them while the server runs; every
 * query sees the records of that moment. A name may instead be {@linkplain #silence silenced} (its queries are never
 * answered) or made to fail ({@link #serverFailure}, {@link #refuse}, {@link #garble}) until it
 * {@linkplain #recover recovers}.
 * <p>
 * The server speaks no EDNS: a UDP answer longer than 512 bytes is truncated, with TC set, so that the client asks
 * again over TCP. Every query is logged before it is answered (or not): {@link #queriesFor}, {@link #queries}.
 * <pre>{@code
 * try (LoopbackDnsServer dns = new LoopbackDnsServer().start()) {
 *     dns.cname("www.example.com", "acme.tenants.localhost");
 *     // tenant-registry.domains.dns-servers=dns.address()
 * }
 * }</pre>
 * Its users need dnsjava on their test class path (this module's dependency on it is test-scoped).
 */
public final class LoopbackDnsServer implements AutoCloseable {

    /**
     * One query the server received.
     *
     * @param name      lower-case, without the trailing dot
     * @param type      the type's mnemonic, {@code "TXT"}
     * @param transport {@code "udp"} or {@code "tcp"}
     */
    public record Query(String name, String type, String transport) {
    }

    /** RFC 1035's limit for a UDP message, the only one without EDNS. */
    private static final int UDP_LIMIT = 512;
    private static final int TCP_LIMIT = 65_535;
    /** Answers are never cached by whoever asks: a changed record is seen by the next query. */
    private static final long TTL = 0;
    /** How far a CNAME chain is followed before the answer stops where it is. */
    private static final int MAX_CHAIN = 8;

    private enum Trouble { SILENCE, SERVER_FAILURE, REFUSE, GARBLE }

    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Trouble> troubles = new ConcurrentHashMap<>();
    private final Queue<Query> received = new ConcurrentLinkedQueue<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService connectionThreads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-dns-tcp-connection");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean running;
    private DatagramSocket udp;
    private ServerSocket tcp;
    private Thread udpThread;
    private Thread tcpThread;

    /** Binds UDP and TCP on one free port of 127.0.0.1 and starts answering. */
    public LoopbackDnsServer start() {
        if (running) {
            throw new IllegalStateException("The server is already running, at " + address());
        }
        bindOneFreePort();
        running = true;
        udpThread = daemon(this::serveUdp, "loopback-dns-udp");
        tcpThread = daemon(this::acceptTcp, "loopback-dns-tcp");
        return this;
    }

    /** The port, the same for UDP and TCP. */
    public int port() {
        if (udp == null) {
            throw new IllegalStateException("The server has not been started");
        }
        return udp.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, as {@code tenant-registry.domains.dns-servers} takes it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Adds a CNAME record: {@code name} is an alias of {@code target}. */
    public LoopbackDnsServer cname(String name, String target) {
        return add(new CNAMERecord(name(name), DClass.IN, TTL, name(target)));
    }

    /**
     * Adds one TXT record made of these character-strings (each at most 255 bytes; a backslash escapes as in a zone
     * file); a client joins them to one value. Call it again for a second record.
     */
    public LoopbackDnsServer txt(String name, String... strings) {
        if (strings.length == 0) {
            throw new IllegalArgumentException("A TXT record has at least one string");
        }
        return add(new TXTRecord(name(name), DClass.IN, TTL, List.of(strings)));
    }

    /** Adds an A record; {@code ip} is an IPv4 address such as {@code 192.0.2.1}. */
    public LoopbackDnsServer a(String name, String ip) {
        byte[] bytes = Address.toByteArray(ip, Address.IPv4);
        if (bytes == null) {
            throw new IllegalArgumentException("Not an IPv4 address: " + ip);
        }
        try {
            return add(new ARecord(name(name), DClass.IN, TTL, InetAddress.getByAddress(bytes)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IPv4 address: " + ip, e);
        }
    }

    /** Removes the name's records and its silence or failure: it answers NXDOMAIN again. */
    public LoopbackDnsServer remove(String name) {
        Name key = name(name);
        records.remove(key);
        troubles.remove(key);
        return this;
    }

    /** Removes every record, silence and failure, and forgets the queries received. */
    public LoopbackDnsServer clear() {
        records.clear();
        troubles.clear();
        received.clear();
        return this;
    }

    /** Queries for the name are received, logged and never answered: the client times out. */
    public LoopbackDnsServer silence(String name) {
        troubles.put(name(name), Trouble.SILENCE);
        return this;
    }

    /** Queries for the name are answered SERVFAIL, whatever its records. */
    public LoopbackDnsServer serverFailure(String name) {
        troubles.put(name(name), Trouble.SERVER_FAILURE);
        return this;
    }

    /** Queries for the name are answered REFUSED, whatever its records. */
    public LoopbackDnsServer refuse(String name) {
        troubles.put(name(name), Trouble.REFUSE);
        return this;
    }

    /** Queries for the name are answered with a message cut short after its header: no client can read it. */
    public LoopbackDnsServer garble(String name) {
        troubles.put(name(name), Trouble.GARBLE);
        return this;
    }

    /** Undoes {@link #silence}, {@link #serverFailure}, {@link #refuse} or {@link #garble}: the name's records answer. */
    public LoopbackDnsServer recover(String name) {
        troubles.remove(name(name));
        return this;
    }

    /** How many queries for the name (of any type, over either transport) were received. */
    public int queriesFor(String name) {
        String wanted = text(name(name));
        return (int) received.stream().filter(query -> query.name().equals(wanted)).count();
    }

    /** The queries received, oldest first. */
    public List<Query> queries() {
        return List.copyOf(received);
    }

    /** Stops answering and frees the port. */
    @Override
    public void close() {
        running = false;
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException e) {
                // Closing is all that is wanted of it.
            }
        }
        connections.forEach(LoopbackDnsServer::closeQuietly);
        connectionThreads.shutdownNow();
        try {
            join(udpThread);
            join(tcpThread);
            connectionThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LoopbackDnsServer add(Record record) {
        records.compute(record.getName(), (name, existing) -> {
            List<Record> updated = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
            updated.add(record);
            return List.copyOf(updated);
        });
        return this;
    }

    /** A free UDP port is not always free for TCP too: another free one is tried then. */
    private void bindOneFreePort() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        BindException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket datagrams = null;
            try {
                datagrams = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerSocket streams = new ServerSocket();
                try {
                    streams.bind(new InetSocketAddress(loopback, datagrams.getLocalPort()), 50);
                } catch (BindException e) {
                    streams.close();
                    datagrams.close();
                    last = e;
                    continue;
                }
                udp = datagrams;
                tcp = streams;
                return;
            } catch (IOException e) {
                if (datagrams != null) {
                    datagrams.close();
                }
                throw new UncheckedIOException("Could not bind the loopback DNS server", e);
            }
        }
        throw new UncheckedIOException("No port of 127.0.0.1 was free for both UDP and TCP", last);
    }

    private void serveUdp() {
        byte[] buffer = new byte[TCP_LIMIT];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] answer = answer(Arrays.copyOfRange(buffer, 0, packet.getLength()), "udp", UDP_LIMIT);
                if (answer != null) {
                    udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                // One client's packet that could not be received or answered; the next is served.
            }
        }
    }

    private void acceptTcp() {
        while (running) {
            try {
                Socket connection = tcp.accept();
                connections.add(connection);
                connectionThreads.execute(() -> serveTcp(connection));
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /** Answers the connection's queries, one after the other, until the client closes it. */
    private void serveTcp(Socket connection) {
        try (connection;
             DataInputStream in = new DataInputStream(connection.getInputStream());
             DataOutputStream out = new DataOutputStream(connection.getOutputStream())) {
            while (running) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] query = new byte[length];
                in.readFully(query);
                byte[] answer = answer(query, "tcp", TCP_LIMIT);
                if (answer != null) {
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The client went away, or the server is closing.
        } finally {
            connections.remove(connection);
        }
    }

    /** The answer's wire form, or null when the query goes unanswered. */
    private byte[] answer(byte[] wire, String transport, int limit) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return wire.length >= Header.LENGTH ? formatError(wire) : null;
        }
        Record question = query.getQuestion();
        if (query.getHeader().getFlag(Flags.QR) || question == null) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            header.setRcode(Rcode.NOTIMP);
            return response.toWire(limit);
        }

        Name name = question.getName();
        received.add(new Query(text(name), Type.string(question.getType()), transport));
        Trouble trouble = troubles.get(name);
        if (trouble == Trouble.SILENCE) {
            return null;
        }
        if (trouble == Trouble.GARBLE) {
            return Arrays.copyOf(response.toWire(), Header.LENGTH + 1);
        }
        if (trouble == Trouble.SERVER_FAILURE || trouble == Trouble.REFUSE) {
            header.setRcode(trouble == Trouble.SERVER_FAILURE ? Rcode.SERVFAIL : Rcode.REFUSED);
            return response.toWire(limit);
        }
        header.setFlag(Flags.AA);
        header.setRcode(resolve(name, question.getType(), response));
        return response.toWire(limit);
    }

    /** Adds the name's records of the type to the answer, following CNAMEs; returns the rcode of the last name. */
    private int resolve(Name name, int type, Message response) {
        Name current = name;
        for (int step = 0; step < MAX_CHAIN; step++) {
            List<Record> here = records.get(current);
            if (here == null) {
                return Rcode.NXDOMAIN;
            }
            List<Record> matching = here.stream()
                    .filter(record -> type == Type.ANY || record.getType() == type)
                    .toList();
            if (!matching.isEmpty()) {
                matching.forEach(record -> response.addRecord(record, Section.ANSWER));
                return Rcode.NOERROR;
            }
            Record alias = here.stream().filter(record -> record.getType() == Type.CNAME).findFirst().orElse(null);
            if (alias == null) {
                return Rcode.NOERROR;
            }
            response.addRecord(alias, Section.ANSWER);
            current = ((CNAMERecord) alias).getTarget();
        }
        return Rcode.NOERROR;
    }

    /** FORMERR for a message that has a header but no readable rest, with the header's id. */
    private static byte[] formatError(byte[] wire) {
        int id = ((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF);
        Message response = new Message(id);
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.FORMERR);
        return response.toWire();
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a domain name: " + name, e);
        }
    }

    private static String text(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) throws InterruptedException {
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is wanted of it.
        }
    }
}
