package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.tenantregistry.command.security.TestIssuer;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.web.RawHttp;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin logs in with username and password and gets a session cookie holding a token. */
class AdminSessionIT extends WebIntegrationTest {

    private Api.Answer login(String username, String password) {
        return api.send("POST", "/api/admin/login",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    private static String setCookie(Api.Answer answer) {
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        return cookies.get(0);
    }

    @Test
    void theAdminGetsAnHttpOnlySameSiteSessionCookieWithATokenForAllScopes() {
        Api.Answer answer = login(TestIssuer.ADMIN, TestIssuer.ADMIN_PASSWORD);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("message").asString()).isEqualTo("Logged in.");
        assertThat(body.get("data").get("subject").asString()).isEqualTo(TestIssuer.ADMIN);
        assertThat(body.get("data").get("scopes").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(Scopes.ALL);

        String header = setCookie(answer);
        assertThat(header).contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Max-Age", "Expires", "Secure");
        HttpCookie cookie = HttpCookie.parse(header).get(0);
        assertThat(cookie.getName()).isEqualTo("TR_SESSION");
        Jwt token = IssuedTokens.verified(cookie.getValue());
        assertThat(token.getSubject()).isEqualTo(TestIssuer.ADMIN);
        assertThat(token.getAudience()).containsExactly("tenant-registry");
        assertThat(token.getClaimAsString("scope").split(" ")).containsExactlyElementsOf(Scopes.ALL);
        assertThat(token.getClaimAsString("auth")).isEqualTo("session");
        assertThat(token.getId()).isNotBlank();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void behindTheGatewayOverTlsTheCookieIsSecure() throws Exception {
        byte[] body = ("{\"username\": \"" + TestIssuer.ADMIN + "\", \"password\": \"" + TestIssuer.ADMIN_PASSWORD
                + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = new RawHttp(port, InetAddress.getByName("127.0.0.2")).send("POST", "/api/admin/login",
                new ByteArrayInputStream(body), "Content-Type: application/json", "Content-Length: " + body.length,
                "X-Forwarded-Proto: https");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).contains("Secure", "HttpOnly");
    }

    @Test
    void theAdminMayLogInWithAForm() {
        Api.Answer answer = api.send("POST", "/api/admin/login",
                ("username=" + TestIssuer.ADMIN + "&password=" + TestIssuer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(setCookie(answer)).startsWith("TR_SESSION=");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Api.Answer wrongPassword = login(TestIssuer.ADMIN, "not-the-password");
        Api.Answer unknownUser = login("mallory", TestIssuer.ADMIN_PASSWORD);

        for (Api.Answer answer : List.of(wrongPassword, unknownUser)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("TR_SESSION"));
            assertThat(answer.json().get("type").asString()).endsWith(":invalid-credentials");
        }
        assertThat(unknownUser.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
    }

    @Test
    void aLoginWithoutAPasswordNamesTheMissingField() {
        Api.Answer answer = api.send("POST", "/api/admin/login", "{\"username\": \"admin\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").has("password")).isTrue();
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("TR_SESSION"));
    }

    @Test
    void aWriteWithTheSessionCookieNeedsTheXsrfTokenAsABrowserSendsIt() {
        Api browser = Api.anonymous(port);
        Api.Answer login = browser.send("POST", "/api/admin/login",
                "{\"username\": \"" + TestIssuer.ADMIN + "\", \"password\": \"" + TestIssuer.ADMIN_PASSWORD + "\"}");
        String session = cookie(login, "TR_SESSION");
        String xsrf = cookie(login, "XSRF-TOKEN");
        String cookies = "TR_SESSION=" + session + "; XSRF-TOKEN=" + xsrf;
        String name = unique("Cookie Write");

        Api.Answer forged = browser.post("{\"name\": \"" + name + "\"}", "Cookie", cookies);
        Api.Answer sent = browser.post("{\"name\": \"" + name + "\"}", "Cookie", cookies, "X-XSRF-TOKEN", xsrf);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        assertThat(eventsOf(sent.json().get("data").get("id").asString()).get(0).getMetaData())
                .containsEntry("actor", TestIssuer.ADMIN);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?")
                .param("%" + name + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReadWithTheSessionCookieNeedsNoXsrfToken() {
        Api browser = Api.anonymous(port);
        Api.Answer login = browser.send("POST", "/api/admin/login",
                "{\"username\": \"" + TestIssuer.ADMIN + "\", \"password\": \"" + TestIssuer.ADMIN_PASSWORD + "\"}");

        Api.Answer me = browser.send("GET", "/api/me", (String) null, "Cookie", "TR_SESSION=" + cookie(login, "TR_SESSION"));

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.json().get("data").get("subject").asString()).isEqualTo(TestIssuer.ADMIN);
    }

    private static String cookie(Api.Answer answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().map(header -> HttpCookie.parse(header).get(0))
                .filter(cookie -> cookie.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    @Test
    void logoutClearsTheCookie() {
        Api.Answer answer = api.send("POST", "/api/admin/logout", (String) null);

        assertThat(answer.status()).isEqualTo(204);
        String header = setCookie(answer);
        assertThat(header).startsWith("TR_SESSION=;").contains("Max-Age=0", "HttpOnly", "Path=/");
    }
}
