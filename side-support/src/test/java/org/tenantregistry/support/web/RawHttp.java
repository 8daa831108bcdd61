package org.tenantregistry.support.web;

import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} would not send as written: a path or query
 * exactly as spelt, a lying Content-Length, a chunked body of a chosen size, a request from another local address.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String text) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final InetAddress from;

    public RawHttp(int port) {
        this(port, null);
    }

    /** Sends from {@code from}, e.g. 127.0.0.2: every 127/8 address is this machine. */
    public RawHttp(int port, InetAddress from) {
        this.port = port;
        this.from = from;
    }

    public Answer send(String method, String target, String... headerLines) {
        return send(method, target, InputStream.nullInputStream(), headerLines);
    }

    /** The body is sent as it comes, framed as the header lines say (Content-Length, Transfer-Encoding). */
    public Answer send(String method, String target, InputStream body, String... headerLines) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
        boolean authorized = false;
        for (String line : headerLines) {
            head.append(line).append("\r\n");
            authorized |= line.regionMatches(true, 0, "Authorization:", 0, "Authorization:".length());
        }
        if (!authorized) {
            // the test admin's, as a client's would be: what is under test here is what comes after authentication
            head.append("Authorization: Bearer ").append(TestTokens.admin()).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(60_000);
            Thread writer = new Thread(() -> write(socket, head.toString(), body), "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            byte[] answer = readUntilClosed(socket.getInputStream());
            writer.interrupt();
            return parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body of {@code size} bytes of JSON-ish filler, made as it is sent: never in memory at once. */
    public static InputStream chunkedBody(long size) {
        int chunk = 64 * 1024;
        byte[] frame = frame(chunk);
        long full = size / chunk;
        int rest = (int) (size % chunk);
        Enumeration<InputStream> parts = new Enumeration<>() {
            long sent;
            boolean restSent = rest == 0;
            boolean endSent;

            @Override
            public boolean hasMoreElements() {
                return !endSent;
            }

            @Override
            public InputStream nextElement() {
                if (sent < full) {
                    sent++;
                    return new ByteArrayInputStream(frame);
                }
                if (!restSent) {
                    restSent = true;
                    return new ByteArrayInputStream(frame(rest));
                }
                endSent = true;
                return new ByteArrayInputStream("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static byte[] frame(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 16);
        out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("a".repeat(size).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void write(Socket socket, String head, InputStream body) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            body.transferTo(out);
            out.flush();
            // whatever the headers promised, nothing more comes: the server need not wait for it
            socket.shutdownOutput();
        } catch (IOException e) {
            // the server answered and closed before taking the whole body: what the test is about
        }
    }

    private static byte[] readUntilClosed(InputStream in) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer: keep what arrived
        }
        return answer.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no HTTP answer: '" + all + "'");
        }
        String[] lines = all.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = all.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), Collections.unmodifiableMap(headers),
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunked(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
