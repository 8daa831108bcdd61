package org.tenantregistry.query.console;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's read pages on the query side, over HTTP as a browser reads them (the session cookie, no scripts):
 * the login page, the redirect to it without a session, the list with its filters, a tenant's page, the dashboard,
 * and what a caller's scopes and partner hide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesIT extends DatabaseIntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String partner = "console-own-" + run;
    private final int firstNumber = 700_000_000 + ThreadLocalRandom.current().nextInt(100_000_000);
    private TenantStream own;
    private TenantStream suspended;
    private TenantStream others;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void tenantsOfTwoPartners() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        own = tenant(events, "Console Own " + run, partner, 0);
        suspended = tenant(events, "Console Suspended " + run, partner, 1);
        events.add(suspended.next(new TenantSuspended(suspended.tenantId(), "invoice unpaid")));
        others = tenant(events, "Console Other " + run, "console-other-" + run, 2);
        deliver(events);
    }

    private TenantStream tenant(List<TenantEventEnvelope> events, String name, String partnerId, int index) {
        TenantStream stream = TenantStream.newTenant();
        String slug = "console-" + run + "-" + index;
        events.add(stream.next(new TenantCreated(stream.tenantId(), name, slug, slug + ".example.com", "UTC", 5,
                Map.of(), Branding.NONE, new Profile("a console test", null, null, null, "DE"), partnerId, firstNumber + index)));
        return stream;
    }

    private HttpResponse<String> page(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (session != null) {
            request.header("Cookie", "TR_SESSION=" + session);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLoginPageIsOpenAndEveryOtherPageSendsABrowserWithoutASessionToIt() {
        HttpResponse<String> login = page("/console", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<h1>Log in</h1>").contains("action=\"/console/login\"")
                .contains("name=\"_csrf\"").contains("/console/assets/console.css");
        assertThat(page("/console/assets/console.css", null).statusCode()).isEqualTo(200);
        assertThat(page("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);

        for (String path : List.of("/console/tenants", "/console/dashboard", "/console/tenants/" + own.tenantId())) {
            HttpResponse<String> answer = page(path, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(path)
                    .hasValue("/console?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        }
        assertThat(page("/api/tenants", null).statusCode()).isEqualTo(401);
        HttpResponse<String> fromHtmx = withoutSession("/console/tenants?search=x", "HX-Request", "true");
        assertThat(fromHtmx.statusCode()).isEqualTo(401);
        assertThat(fromHtmx.headers().firstValue("HX-Redirect")).hasValue("/console");
        assertThat(page("/console?next=/console/dashboard", null).body())
                .contains("name=\"next\" value=\"/console/dashboard\"");
        assertThat(page("/console?next=https://evil.example/", null).body()).doesNotContain("name=\"next\"");
        HttpResponse<String> loggedIn = page("/console", TestTokens.admin());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/tenants");
    }

    @Test
    void theListFindsTenantsBySearchAndStatusAndShowsTheApisRefusalOfAFilter() {
        String found = page("/console/tenants?search=" + run + "&status=suspended", TestTokens.admin()).body();
        assertThat(found).contains("Console Suspended " + run).doesNotContain("Console Own " + run)
                .contains("1 tenant<");

        HttpResponse<String> refused = page("/console/tenants?country_code=DEU", TestTokens.admin());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"country_code-error\"");

        String fragment = pageWithHeader("/console/tenants?search=" + run, "HX-Request", "true");
        assertThat(fragment).startsWith("<section id=\"results\"").doesNotContain("<html");
    }

    @Test
    void aTenantsPageShowsItsDetailsAndTheWriteButtonsOnlyToAWriter() {
        String writer = page("/console/tenants/" + suspended.tenantId(), TestTokens.admin()).body();
        assertThat(writer).contains("Console Suspended " + run).contains("invoice unpaid")
                .contains("action=\"/console/tenants/" + suspended.tenantId() + "/reactivate\"")
                .contains("name=\"version\" value=\"2\"").contains("Edit").contains("/history");

        String reader = page("/console/tenants/" + suspended.tenantId(), TestTokens.token().subject("reader-" + run)
                .scopes(Scopes.TENANTS_READ).sign()).body();
        assertThat(reader).contains("Console Suspended " + run).doesNotContain("/reactivate\"")
                .doesNotContain("/edit\"").doesNotContain("/history").doesNotContain("Operations");
    }

    @Test
    void anMspAdminSeesItsPartnersTenantsOnlyAndAnotherPartnersIsNotFound() {
        String msp = TestTokens.token().subject("msp-" + run).partner(partner).sign();

        assertThat(page("/console/tenants?search=" + run, msp).body()).contains("Console Own " + run)
                .doesNotContain("Console Other " + run);
        HttpResponse<String> hidden = page("/console/tenants/" + others.tenantId(), msp);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> operations = page("/console/operations", msp);
        assertThat(operations.statusCode()).isEqualTo(403);
        assertThat(operations.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(operations.body()).contains("<h1>Not allowed</h1>");
    }

    @Test
    void theDashboardShowsEachChartsNumbersInATable() {
        String dashboard = page("/console/dashboard?partner_id=" + partner, TestTokens.admin()).body();
        assertThat(dashboard).contains("id=\"total-tenants\">2<").contains("id=\"status-table\"")
                .contains("/webjars/echarts/dist/echarts.min.js").contains("\"kind\":\"pie\"");
        assertThat(page("/webjars/echarts/dist/echarts.min.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOperationsPageListsTheProjectionsForAnOperator() {
        String operations = page("/console/operations", TestTokens.admin()).body();
        assertThat(operations).contains("tenants").contains("msp-statistics")
                .contains("action=\"/console/operations/tenants/rebuild\"");
    }

    private HttpResponse<String> withoutSession(String path, String name, String value) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(name, value).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String pageWithHeader(String path, String name, String value) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", "TR_SESSION=" + TestTokens.admin()).header(name, value).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
