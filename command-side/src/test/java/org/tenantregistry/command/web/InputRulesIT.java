package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client may write, over HTTP with raw JSON bodies (escapes such as {@code \u0000} and {@code \ud800} reach the
 * server exactly as written): text that cannot be stored or shown, look-alike slugs and domains, and lenient JSON are
 * refused with 422 naming the field, and nothing reaches the event store.
 */
class InputRulesIT extends WebIntegrationTest {

    @Test
    void refusesANulInTheName() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Acme\\u0000\"}"), "name");
        String id = api.create("{\"name\": \"Nul later\"}");
        assertRefusedWithoutWriting(() -> api.send("PATCH", "/api/tenants/" + id, "{\"name\": \"\\u0000\"}"), "name");
        assertRefusedWithoutWriting(() -> api.send("PUT", "/api/tenants/" + id, "{\"name\": \"x\\u0000\"}"), "name");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void refusesAControlCharacterInEverySingleLineField() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Two\\nlines\"}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Ok\", \"city\": \"Ber\\u0007lin\"}"),
                "city");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Ok\", \"settings\": {\"k\\u0000\": 1}}"), "settings");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Ok\", \"logo_url\": "
                + "\"https://cdn.example.com/\\u0085.png\"}"), "logo_url");
        String id = api.create("{\"name\": \"Control later\"}");
        assertRefusedWithoutWriting(() -> api.send("PUT", "/api/tenants/" + id + "/suspend",
                "{\"reason\": \"unpaid\\u001b[2J\"}"), "reason");
        assertRefusedWithoutWriting(() -> api.send("PATCH", "/api/tenants/" + id,
                "{\"status\": \"suspended\", \"status_reason\": \"un\\rpaid\"}"), "status_reason");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void acceptsTabsAndLineBreaksInTheDescriptionButNoOtherControlCharacter() {
        Api.Answer multiLine = api.post("{\"name\": \"Multi-line\", \"description\": "
                + "\"Regional carrier\\n\\tvoice\\r\\n\\tdata\", \"address\": \"Hauptstrasse 1\\n10115 Berlin\"}");
        assertThat(multiLine.status()).as(multiLine.text()).isEqualTo(201);

        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Bell\", \"description\": "
                + "\"ring\\u0007\"}"), "description");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Lone CR\", \"address\": "
                + "\"Hauptstrasse 1\\rBerlin\"}"), "address");
    }

    @Test
    void refusesALoneSurrogateInAnyText() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"x\\ud800\"}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Low\", \"description\": \"\\udc00x\"}"),
                "description");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"In settings\", \"settings\": {\"motd\": "
                + "\"hi \\ud83d\"}}"), "settings.motd");
        // in a key, Jackson itself refuses a lone surrogate, as malformed JSON
        long eventsBefore = storedEvents();
        Api.Answer highInKey = api.post("{\"name\": \"Settings key\", \"settings\": {\"k\\ud800\": 1}}");
        Api.Answer lowInKey = api.post("{\"name\": \"Settings key\", \"settings\": {\"k\\udfff\": 1}}");
        assertThat(highInKey.status()).as(highInKey.text()).isEqualTo(400);
        assertThat(lowInKey.status()).as(lowInKey.text()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        // a surrogate pair is one character, not two lone halves
        Api.Answer emoji = api.post("{\"name\": \"Smile \\ud83d\\ude00\"}");
        assertThat(emoji.status()).as(emoji.text()).isEqualTo(201);
    }

    @Test
    void refusesANameMadeOnlyOfInvisibleCharacters() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"\\u200b\\u2060\\ufeff\"}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"\\u00a0\\u3164\"}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"\\u0301\\u0308\"}"), "name");
    }

    @Test
    void aCyrillicLookAlikeOfAReservedWordDerivesTheReservedWordsSlug() {
        Api.Answer created = api.post("{\"name\": \"\\u0410dmin\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("data").get("slug").asString()).startsWith("admin-tenant");
    }

    @Test
    void refusesInvalidPunycode() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Punycode\", \"domain\": \"xn--zz.example.com\"}"),
                "domain");
    }

    @Test
    void refusesAMixedScriptConfusableDomainInUnicodeAndInPunycode() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Spoof\", \"domain\": \"p\\u0430ypal.com\"}"),
                "domain");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Spoof\", \"domain\": \"xn--pypal-4ve.com\"}"),
                "domain");
    }

    @Test
    void refusesAPublicSuffixAsTheTenantsDomain() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Suffix\", \"domain\": \"co.uk\"}"), "domain");
        String id = api.create("{\"name\": \"Suffix later\"}");
        assertRefusedWithoutWriting(() -> api.send("PATCH", "/api/tenants/" + id, "{\"domain\": \"github.io\"}"),
                "domain");
        Api.Answer registrable = api.send("PATCH", "/api/tenants/" + id,
                "{\"domain\": \"" + unique("suffix") + ".co.uk\"}");
        assertThat(registrable.status()).as(registrable.text()).isEqualTo(200);
    }

    @Test
    void refusesADuplicateKeyNamingIt() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"First\", \"name\": \"Second\"}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Nested\", \"settings\": "
                + "{\"mfa_required\": true, \"mfa_required\": false}}"), "settings.mfa_required");
        String id = api.create("{\"name\": \"Duplicate later\"}");
        assertRefusedWithoutWriting(() -> api.send("PATCH", "/api/tenants/" + id,
                "{\"max_extensions\": 5, \"max_extensions\": 6}".getBytes(), "application/merge-patch+json"),
                "max_extensions");
        assertRefusedWithoutWriting(() -> api.send("PUT", "/api/tenants/" + id + "/suspend",
                "{\"reason\": \"a\", \"reason\": \"b\"}"), "reason");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void refusesAStringForAnIntegerAndOtherCoercions() {
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Quoted\", \"max_extensions\": \"50\"}"),
                "max_extensions");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Empty\", \"max_extensions\": \"\"}"),
                "max_extensions");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": 42}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": true}"), "name");
        assertRefusedWithoutWriting(() -> api.post("{\"name\": \"Mfa\", \"settings\": {\"mfa_required\": \"true\"}}"),
                "settings.mfa_required");
        String id = api.create("{\"name\": \"Coerced later\"}");
        assertRefusedWithoutWriting(() -> api.send("PATCH", "/api/tenants/" + id, "{\"max_extensions\": \"50\"}"),
                "max_extensions");
        assertRefusedWithoutWriting(() -> api.send("PUT", "/api/tenants/" + id, "{\"name\": \"x\", "
                + "\"max_extensions\": \"50\"}"), "max_extensions");
        assertRefusedWithoutWriting(() -> api.send("PUT", "/api/tenants/" + id + "/slug", "{\"slug\": 12}"), "slug");
        assertRefusedWithoutWriting(() -> api.send("PUT", "/api/tenants/" + id + "/deactivate",
                "{\"user_status\": \"2\"}"), "user_status");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    @Test
    void refusesAControlCharacterInTheHeadersThatTravelWithTheEvents() throws IOException {
        String id = api.create("{\"name\": \"Header\"}");
        String body = "{\"reason\": \"unpaid\"}";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("PUT /api/tenants/" + id + "/suspend HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TestTokens.admin() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nX-Change-Reason: unpaid")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.write(0x85); // Tomcat reads header bytes as ISO-8859-1: U+0085, a C1 control character
        request.writeBytes(("\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));

        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.toByteArray());
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        // The request firewall refuses it before the header rules see it; either way, a 400 that writes nothing.
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json", "X-Change-Reason");
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated");
    }

    private void assertRefusedWithoutWriting(Supplier<Api.Answer> request, String field) {
        long eventsBefore = storedEvents();

        Api.Answer answer = request.get();

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:tenant-registry:problem:invalid-fields");
        assertThat(problem.get("errors").has(field)).as(answer.text()).isTrue();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
