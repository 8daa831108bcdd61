package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;
import org.tenantregistry.command.security.TestIssuer;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's handlers on the command side (command.console), as a browser without scripts uses them: plain form
 * posts with the session cookie and the form's CSRF field, answered by a page or a 303. Here beside the API's tests,
 * whose set-up they share; the browser's own flow is system-tests' ConsoleIT.
 */
class ConsoleWritesIT extends WebIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private Api.Answer form(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return Api.anonymous(port).send("POST", path, body.getBytes(StandardCharsets.UTF_8), FORM, headers);
    }

    /** The cookies of a logged-in browser: the session and the CSRF token. */
    private record Session(String session, String xsrf) {
        String cookies() {
            return "TR_SESSION=" + session + "; XSRF-TOKEN=" + xsrf;
        }
    }

    private Session login() {
        Api.Answer answer = form("/console/login", Map.of("username", TestIssuer.ADMIN,
                "password", TestIssuer.ADMIN_PASSWORD));
        assertThat(answer.status()).as(answer.text()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/console/tenants");
        return new Session(cookie(answer, "TR_SESSION"), cookie(answer, "XSRF-TOKEN"));
    }

    private static String cookie(Api.Answer answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().map(header -> HttpCookie.parse(header).get(0))
                .filter(cookie -> cookie.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    @Test
    void theConsolesLoginSetsTheSameSessionCookieAsTheApisAndAWrongPasswordShowsTheLoginPageAgain() {
        Api.Answer wrong = form("/console/login", Map.of("username", TestIssuer.ADMIN, "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("text/html");
        assertThat(wrong.text()).contains("The username or password is wrong.").contains("name=\"username\"");
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("TR_SESSION="));

        Api.Answer right = form("/console/login", Map.of("username", TestIssuer.ADMIN,
                "password", TestIssuer.ADMIN_PASSWORD));
        assertThat(right.status()).isEqualTo(303);
        assertThat(right.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("TR_SESSION=").contains("HttpOnly", "SameSite=Strict", "Path=/"));
    }

    @Test
    void theLoginReturnsToThePageFirstAskedForButNeverToAnotherSite() {
        Map<String, String> admin = Map.of("username", TestIssuer.ADMIN, "password", TestIssuer.ADMIN_PASSWORD);
        Map<String, String> back = new LinkedHashMap<>(admin);
        back.put("next", "/console/tenants?status=suspended");
        Map<String, String> away = new LinkedHashMap<>(admin);
        away.put("next", "//evil.example/console/tenants");
        Map<String, String> wrong = new LinkedHashMap<>(back);
        wrong.put("password", "not-it");

        assertThat(form("/console/login", back).header("Location")).isEqualTo("/console/tenants?status=suspended");
        assertThat(form("/console/login", away).header("Location")).isEqualTo("/console/tenants");
        assertThat(form("/console/login", wrong).text())
                .contains("name=\"next\" value=\"/console/tenants?status=suspended\"");
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPageWhileTheApiStillAnswers401() {
        Api browser = Api.anonymous(port);
        Api.Answer page = browser.send("GET", "/console/tenants/new", (String) null);
        Api.Answer stale = browser.send("GET", "/console/tenants/new", (String) null, "Cookie", "TR_SESSION=expired");
        Api.Answer api = browser.send("GET", "/api/me", (String) null);

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/console?next=%2Fconsole%2Ftenants%2Fnew");
        assertThat(stale.status()).isEqualTo(303);
        assertThat(stale.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("TR_SESSION=;").contains("Max-Age=0"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aFormPostNeedsTheCsrfTokenOfItsForm() {
        Session session = login();
        Map<String, String> fields = Map.of("name", unique("Console Form"));

        Api.Answer forged = form("/console/tenants", fields, "Cookie", session.cookies());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("text/html");
        Api.Answer sent = form("/console/tenants", withCsrf(fields, session), "Cookie", session.cookies());
        assertThat(sent.status()).as(sent.text()).isEqualTo(303);
    }

    @Test
    void theCreateFormShowsTheApisFieldErrorsBesideTheFieldsAndCreatesOnceTheyAreFixed() {
        Session session = login();
        String name = unique("Console Create");

        Api.Answer refused = form("/console/tenants", withCsrf(Map.of("name", name, "slug", "Not A Slug",
                "country_code", "USA", "max_extensions", "many"), session), "Cookie", session.cookies());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("id=\"slug-error\"").contains("id=\"country_code-error\"")
                .contains("id=\"max_extensions-error\"").contains("value=\"" + name + "\"");

        Api.Answer created = form("/console/tenants", withCsrf(Map.of("name", name, "country_code", "DE",
                "max_extensions", "12", "change_reason", "new customer"), session), "Cookie", session.cookies());
        assertThat(created.status()).as(created.text()).isEqualTo(303);
        String location = created.header("Location");
        assertThat(location).matches("/console/tenants/([0-9a-f-]{36})\\?min_version=\\1:1&done=created");
        String id = location.replaceAll("/console/tenants/([0-9a-f-]{36}).*", "$1");
        assertThat(eventsOf(id).get(0).getMetaData()).containsEntry("actor", TestIssuer.ADMIN)
                .containsEntry("reason", "new customer");
    }

    @Test
    void anEditAtAnOldVersionChangesNothingAndShowsTheOtherChange() {
        Session session = login();
        String name = unique("Console Edit");
        Api.Answer created = form("/console/tenants", withCsrf(Map.of("name", name), session),
                "Cookie", session.cookies());
        String id = created.header("Location").replaceAll("/console/tenants/([0-9a-f-]{36}).*", "$1");
        assertThat(api.send("PATCH", "/api/tenants/" + id, "{\"description\": \"theirs\"}").status()).isEqualTo(200);

        Api.Answer stale = form("/console/tenants/" + id, withCsrf(Map.of("version", "1", "name", name,
                "description", "mine"), session), "Cookie", session.cookies());

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text()).contains("id=\"conflict\"").contains("theirs").contains("mine")
                .contains("name=\"version\" value=\"2\"");
        assertThat(eventsOf(id)).hasSize(2);
    }

    @Test
    void aSuspensionWithoutAReasonIsRefusedBesideTheFieldAndWithOneRedirectsToTheTenantsNewVersion() {
        Session session = login();
        Api.Answer created = form("/console/tenants", withCsrf(Map.of("name", unique("Console Suspend")), session),
                "Cookie", session.cookies());
        String id = created.header("Location").replaceAll("/console/tenants/([0-9a-f-]{36}).*", "$1");

        Api.Answer refused = form("/console/tenants/" + id + "/suspend", withCsrf(Map.of("version", "1",
                "reason", " "), session), "Cookie", session.cookies());
        Api.Answer suspended = form("/console/tenants/" + id + "/suspend", withCsrf(Map.of("version", "1",
                "reason", "invoice unpaid"), session), "Cookie", session.cookies());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("id=\"reason-error\"");
        assertThat(suspended.status()).isEqualTo(303);
        assertThat(suspended.header("Location")).isEqualTo("/console/tenants/" + id + "?min_version=" + id
                + ":2&done=suspended");
    }

    @Test
    void theLifecycleFormsDeactivateWithTheMembersStatusActivateDeleteRestoreAndChangeTheSlug() {
        Session session = login();
        Api.Answer created = form("/console/tenants", withCsrf(Map.of("name", unique("Console Lifecycle")), session),
                "Cookie", session.cookies());
        String id = created.header("Location").replaceAll("/console/tenants/([0-9a-f-]{36}).*", "$1");
        String tenant = "/console/tenants/" + id;

        Api.Answer badStatus = form(tenant + "/deactivate", withCsrf(Map.of("version", "1", "user_status", "7"),
                session), "Cookie", session.cookies());
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.text()).contains("id=\"user_status-error\"");

        String[][] steps = {{"deactivate", "user_status", "2", "deactivated"}, {"activate", null, null, "activated"},
                {"delete", null, null, "deleted"}, {"restore", null, null, "restored"},
                {"slug", "slug", unique("console-slug").toLowerCase().replace(' ', '-'), "slug"}};
        long version = 1;
        for (String[] step : steps) {
            Map<String, String> fields = new LinkedHashMap<>(Map.of("version", String.valueOf(version)));
            if (step[1] != null) {
                fields.put(step[1], step[2]);
            }
            Api.Answer answer = form(tenant + "/" + step[0], withCsrf(fields, session), "Cookie", session.cookies());
            assertThat(answer.status()).as(step[0] + ": " + answer.text()).isEqualTo(303);
            version++;
            assertThat(answer.header("Location")).isEqualTo(tenant + "?min_version=" + id + ":" + version
                    + "&done=" + step[3]);
        }
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated", "TenantDeactivated", "TenantActivated",
                "TenantDeleted", "TenantRestored", "TenantSlugChanged");

        Api.Answer again = form(tenant + "/activate", withCsrf(Map.of("version", String.valueOf(version)), session),
                "Cookie", session.cookies());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("Refused: ");
    }

    @Test
    void anOperatorRepublishesATenantsEventsFromTheConsoleAndSeesTheJob() {
        Session session = login();
        String id = api.create("{\"name\": \"Console Republish\", \"slug\": \"" + unique("republish") + "\"}");

        Api.Answer refused = form("/console/republish", withCsrf(Map.of("tenant_id", id, "from_sequence", "first"),
                session), "Cookie", session.cookies());
        Api.Answer unknown = form("/console/republish", withCsrf(Map.of("tenant_id", UUID.randomUUID().toString()),
                session), "Cookie", session.cookies());
        Api.Answer started = form("/console/republish", withCsrf(Map.of("tenant_id", id, "from_sequence", "0"),
                session), "Cookie", session.cookies());
        Api.Answer page = Api.anonymous(port).send("GET", "/console/republish", (String) null, "Cookie",
                session.cookies());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("id=\"from_sequence-error\"", "must be a whole number");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text()).contains("id=\"tenant_id-error\"", "has no stored events");
        assertThat(started.status()).as(started.text()).isEqualTo(303);
        assertThat(started.header("Location")).isEqualTo("/console/republish");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"republish-progress\"", "by " + TestIssuer.ADMIN);
    }

    @Test
    void onlyAnOperatorMayOpenTheRepublishPage() {
        String writer = TestTokens.token().subject("writer").scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE).sign();

        Api.Answer page = Api.anonymous(port).send("GET", "/console/republish", (String) null, "Cookie",
                "TR_SESSION=" + writer);

        assertThat(page.status()).isEqualTo(403);
    }

    private static Map<String, String> withCsrf(Map<String, String> fields, Session session) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", session.xsrf());
        return all;
    }
}
