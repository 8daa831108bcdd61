package org.tenantregistry.query.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.CustomDomainVerificationLost;
import org.tenantregistry.events.CustomDomainVerified;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.DnsCheckOutcome;
import org.tenantregistry.events.TenantBrandingChanged;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantSlugChanged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.web.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/public/branding} without a token, by the host asked for. Each test asks for hosts of its own: a
 * host's resolution is kept for a few seconds.
 */
class PublicBrandingIT extends DatabaseIntegrationTest {

    private static final Instant IN_A_WEEK = Instant.now().plus(Duration.ofDays(7));

    @Autowired
    MockMvcTester mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private MockHttpServletResponse branding(String origin, String... headers) {
        var request = mvc.get().uri(origin + "/api/public/branding");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchange().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) {
        try {
            return json.readTree(response.getContentAsString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tenant with a verified and a pending custom domain; its primary domain is {@code <slug>.example.com}. */
    private record Tenant(TenantStream stream, String slug, String verified, String pending) {
    }

    private Tenant tenant() {
        String slug = "brand-" + suffix();
        TenantStream stream = TenantStream.newTenant();
        UUID id = stream.tenantId();
        UUID verifiedId = UUID.randomUUID();
        String verified = "portal." + slug + ".example.org";
        String pending = "shop." + slug + ".example.org";
        deliver(List.of(stream.created("Brand " + slug, slug, null, "DE"),
                stream.next(new CustomDomainAdded(id, verifiedId, verified, "t-1", IN_A_WEEK)),
                stream.next(new CustomDomainVerified(id, verifiedId, verified,
                        CustomDomainsIT.check(verified, slug, DnsCheckOutcome.VERIFIED, "verified"))),
                stream.next(new CustomDomainAdded(id, UUID.randomUUID(), pending, "t-2", IN_A_WEEK))));
        return new Tenant(stream, slug, verified, pending);
    }

    @Test
    void theSlugsHostAnswersTheTenantsBrandingWithoutAToken() {
        Tenant tenant = tenant();

        MockHttpServletResponse answer = branding("http://" + tenant.slug() + ".tenants.localhost:8080");

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(body(answer).toString()).isEqualTo("{\"name\":\"Brand " + tenant.slug() + "\",\"logo_url\":"
                + "\"https://cdn.example.com/" + tenant.slug() + ".png\",\"accent_color\":\"#1A2B3C\",\"is_tenant\":true}");
        assertThat(answer.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=60, public");
    }

    @Test
    void aVerifiedCustomDomainAnswersMatchedCaseInsensitivelyWithoutTrailingDot() {
        Tenant tenant = tenant();

        MockHttpServletResponse answer = branding("http://" + tenant.verified().toUpperCase() + ".");

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(body(answer).get("name").asString()).isEqualTo("Brand " + tenant.slug());
    }

    @Test
    void aPendingCustomDomainAndAnUnknownHostAreNotFound() {
        Tenant tenant = tenant();

        MockHttpServletResponse pending = branding("http://" + tenant.pending());
        MockHttpServletResponse unknown = branding("http://nobody-" + suffix() + ".example.net");
        MockHttpServletResponse deeper = branding("http://a." + tenant.slug() + ".tenants.localhost");

        assertThat(pending.getStatus()).isEqualTo(404);
        assertThat(pending.getContentType()).isEqualTo("application/problem+json");
        assertThat(body(pending).get("type").asString()).isEqualTo("urn:tenant-registry:problem:host-not-found");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(deeper.getStatus()).isEqualTo(404);
    }

    @Test
    void thePrimaryDomainAnswersUnlessItIsAnUnverifiedCustomDomainOfTheTenant() {
        Tenant tenant = tenant();
        Tenant unverifiedPrimary = tenant();
        TenantStream stream = unverifiedPrimary.stream();
        String primary = unverifiedPrimary.slug() + ".example.com";
        deliver(List.of(stream.next(new CustomDomainAdded(stream.tenantId(), UUID.randomUUID(), primary, "t",
                IN_A_WEEK))));

        MockHttpServletResponse answer = branding("http://" + tenant.slug() + ".example.com");

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(body(answer).get("name").asString()).isEqualTo("Brand " + tenant.slug());
        assertThat(branding("http://" + primary).getStatus()).isEqualTo(404);
    }

    @Test
    void aPrimaryCustomDomainThatLostItsVerificationNoLongerAnswers() {
        Tenant tenant = tenant();
        TenantStream stream = tenant.stream();
        UUID primaryId = UUID.randomUUID();
        String primary = "main." + tenant.slug() + ".example.org";
        deliver(List.of(stream.next(new CustomDomainAdded(stream.tenantId(), primaryId, primary, "t", IN_A_WEEK)),
                stream.next(new CustomDomainVerified(stream.tenantId(), primaryId, primary,
                        CustomDomainsIT.check(primary, tenant.slug(), DnsCheckOutcome.VERIFIED, "verified"))),
                stream.next(new PrimaryDomainChanged(stream.tenantId(), primaryId, tenant.slug() + ".example.com",
                        primary)),
                stream.next(new CustomDomainVerificationLost(stream.tenantId(), primaryId, primary, 3, "t-new",
                        IN_A_WEEK))));

        assertThat(branding("http://" + primary).getStatus()).isEqualTo(404);
        assertThat(branding("http://" + tenant.slug() + ".example.com").getStatus())
                .as("no longer its primary domain").isEqualTo(404);
    }

    @Test
    void theBaseDomainAndThePlatformsHostsAreNoTenant() {
        for (String origin : List.of("http://tenants.localhost", "http://localhost:8082", "http://127.0.0.1",
                "http://[::1]:8082")) {
            MockHttpServletResponse answer = branding(origin);
            assertThat(answer.getStatus()).as(origin).isEqualTo(200);
            assertThat(body(answer).toString()).as(origin).isEqualTo("{\"is_tenant\":false}");
        }
    }

    @Test
    void anOldSlugInQuarantineRedirectsToTheCurrentOne() {
        Tenant tenant = tenant();
        TenantStream stream = tenant.stream();
        String current = tenant.slug() + "-renamed";
        deliver(List.of(stream.next(new TenantSlugChanged(stream.tenantId(), tenant.slug(), current))));

        MockHttpServletResponse moved = branding("https://" + tenant.slug() + ".Tenants.Localhost:8443");

        assertThat(moved.getStatus()).isEqualTo(301);
        assertThat(moved.getHeader(HttpHeaders.LOCATION))
                .isEqualTo("https://" + current + ".tenants.localhost:8443/api/public/branding");
        assertThat(body(moved).toString()).isEqualTo("{\"is_tenant\":true,\"moved_to\":\"" + current
                + ".tenants.localhost\",\"status\":301}");
        assertThat(branding("http://" + current + ".tenants.localhost").getStatus()).isEqualTo(200);
    }

    @Test
    void aSlugReleasedBeforeTheQuarantineAndADeletedTenantAreUnknown() {
        String slug = "long-ago-" + suffix();
        TenantStream longAgo = TenantStream.startingAt(Instant.now().minus(Duration.ofDays(40)));
        deliver(List.of(longAgo.created("Long ago", slug, null, "DE"),
                longAgo.next(new TenantSlugChanged(longAgo.tenantId(), slug, slug + "-now"))));
        Tenant deleted = tenant();
        deliver(List.of(deleted.stream().next(new TenantDeleted(deleted.stream().tenantId(), TenantStatus.ACTIVE))));

        assertThat(branding("http://" + slug + ".tenants.localhost").getStatus()).isEqualTo(404);
        assertThat(branding("http://" + slug + "-now.tenants.localhost").getStatus()).isEqualTo(200);
        assertThat(branding("http://" + deleted.slug() + ".tenants.localhost").getStatus()).isEqualTo(404);
        assertThat(branding("http://" + deleted.verified()).getStatus()).isEqualTo(404);
    }

    @Test
    void theAnswerCarriesAStrongETagThatIfNoneMatchAnswersWith304() {
        Tenant tenant = tenant();
        deliver(List.of(tenant.stream().next(new TenantBrandingChanged(tenant.stream().tenantId(),
                new Branding(null, "#00FF00", null)))));
        String origin = "http://" + tenant.verified();

        MockHttpServletResponse first = branding(origin);
        String etag = first.getHeader(HttpHeaders.ETAG);
        MockHttpServletResponse again = branding(origin, HttpHeaders.IF_NONE_MATCH, etag);
        MockHttpServletResponse stale = branding(origin, HttpHeaders.IF_NONE_MATCH, "\"something-else\"");

        assertThat(body(first).toString()).isEqualTo("{\"name\":\"Brand " + tenant.slug()
                + "\",\"logo_url\":null,\"accent_color\":\"#00FF00\",\"is_tenant\":true}");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
    }

    @Test
    void behindTheGatewayTheHostTheClientAskedForDecides() throws Exception {
        Tenant tenant = tenant();

        RawHttp.Answer fromGateway = new RawHttp(port, InetAddress.getByName("127.0.0.2"))
                .send("GET", "/api/public/branding", "X-Forwarded-Host: " + tenant.slug() + ".tenants.localhost:8080");
        RawHttp.Answer fromClient = new RawHttp(port, InetAddress.getByName("127.0.0.1"))
                .send("GET", "/api/public/branding", "X-Forwarded-Host: " + tenant.slug() + ".tenants.localhost");

        assertThat(fromGateway.status()).isEqualTo(200);
        assertThat(fromGateway.json().get("name").asString()).isEqualTo("Brand " + tenant.slug());
        // a client's own forwarded header counts for nothing: its Host is localhost, the platform
        assertThat(fromClient.json().get("is_tenant").asBoolean()).isFalse();
    }
}
