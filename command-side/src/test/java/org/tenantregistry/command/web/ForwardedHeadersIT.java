package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.web.RawHttp;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests trust 127.0.0.2 alone as the gateway (config/application.yml): 127.0.0.1 is any client. */
class ForwardedHeadersIT extends WebIntegrationTest {

    @Test
    void aClientThatIsNoTrustedProxyCannotClaimAnotherAddress() {
        String id = createFrom("127.0.0.1", "X-Forwarded-For: 203.0.113.9", "Forwarded: for=203.0.113.10");

        assertThat(clientAddressOf(id)).isEqualTo("127.0.0.1");
    }

    @Test
    void theGatewaysForwardedClientAddressIsRecorded() {
        String viaXForwardedFor = createFrom("127.0.0.2", "X-Forwarded-For: 203.0.113.9");
        String viaForwarded = createFrom("127.0.0.2", "Forwarded: for=203.0.113.10;proto=http");

        assertThat(clientAddressOf(viaXForwardedFor)).isEqualTo("203.0.113.9");
        assertThat(clientAddressOf(viaForwarded)).isEqualTo("203.0.113.10");
    }

    private String createFrom(String address, String... headers) {
        byte[] body = ("{\"name\": \"" + unique("forwarded") + "\"}").getBytes(StandardCharsets.UTF_8);
        String[] lines = new String[headers.length + 2];
        lines[0] = "Content-Type: application/json";
        lines[1] = "Content-Length: " + body.length;
        System.arraycopy(headers, 0, lines, 2, headers.length);
        RawHttp.Answer created = new RawHttp(port, local(address))
                .send("POST", "/api/tenants", new ByteArrayInputStream(body), lines);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("data").get("id").asString();
    }

    private String clientAddressOf(String id) {
        Map<String, ?> metaData = eventsOf(id).get(0).getMetaData();
        return (String) metaData.get("client_address");
    }

    private static InetAddress local(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
