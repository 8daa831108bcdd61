package org.tenantregistry.query.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller sees through every read: an MSP admin (token with partner_id) its partner's tenants only, a client
 * admin (token with tenant_id) its own tenant only, the registry's admin every tenant. A tenant out of reach is
 * answered exactly as an unknown one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerAndTenantIsolationIT extends DatabaseIntegrationTest {

    private static final List<String> RESOURCE_KINDS = List.of("extensions", "dids", "queues", "rates", "users");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String partner = "iso-own-" + run;
    private final String otherPartner = "iso-other-" + run;
    /** In the names of tenants of both partners and of the tenant without one. */
    private final String marker = "Iso" + run;
    private final int firstNumber = 600_000_000 + ThreadLocalRandom.current().nextInt(100_000_000);

    private final List<Tenant> own = new ArrayList<>();
    private Tenant others;
    private Tenant partnerless;

    private Api mspAdmin;
    private Api clientAdmin;

    @BeforeAll
    void twoPartnersTenantsAndOneWithoutAPartner() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            own.add(tenant(events, i, "Own " + i + (i < 2 ? " " + marker : ""), partner));
        }
        events.add(own.get(2).stream().next(new TenantSuspended(own.get(2).id(), "unpaid")));
        others = tenant(events, 3, "Other " + marker, otherPartner);
        partnerless = tenant(events, 4, "Partnerless " + marker, null);
        deliver(events);
        mspAdmin = as(TestTokens.token().subject("msp-" + run).partner(partner).sign());
        clientAdmin = as(TestTokens.token().subject("client-" + run).tenant(own.get(0).id().toString())
                .scopes(Scopes.TENANTS_READ).sign());
    }

    @Test
    void anMspAdminsListHoldsOnlyItsPartnersTenantsAndItsTotalsCountNoOther() {
        JsonNode first = mspAdmin.get("/api/tenants?per_page=2&sort=name").body();

        assertThat(first.get("meta").get("total").asLong()).isEqualTo(3);
        assertThat(first.get("meta").get("last_page").asInt()).isEqualTo(2);
        assertThat(ids(first.get("data"))).containsExactly(own.get(0).id().toString(), own.get(1).id().toString());
        JsonNode second = mspAdmin.get(first.get("links").get("next").asString()).body();
        assertThat(ids(second.get("data"))).containsExactly(own.get(2).id().toString());
        assertThat(second.get("links").get("next").isNull()).isTrue();
        assertThat(ids(mspAdmin.get("/api/tenants?page=2&per_page=2&sort=name").body().get("data")))
                .containsExactly(own.get(2).id().toString());
        assertThat(ids(mspAdmin.get("/api/v1/admin/tenants/?per_page=100").body().get("data")))
                .containsExactlyInAnyOrderElementsOf(own.stream().map(tenant -> tenant.id().toString()).toList());
    }

    @Test
    void anMspAdminAskingForAnotherPartnersTenantsGetsAnEmptyList() {
        JsonNode page = mspAdmin.get("/api/tenants?partner_id=" + otherPartner).body();

        assertThat(page.get("data").size()).isZero();
        assertThat(page.get("meta").get("total").asLong()).isZero();
        assertThat(mspAdmin.get("/api/tenants/count?partner_id=" + otherPartner).body().get("count").asLong())
                .isZero();
    }

    @Test
    void anMspAdminsCountAndSearchCountOnlyItsPartnersTenants() {
        assertThat(mspAdmin.get("/api/tenants/count").body().get("count").asLong()).isEqualTo(3);
        assertThat(mspAdmin.get("/api/tenants/count?status=suspended").body().get("count").asLong()).isEqualTo(1);
        assertThat(mspAdmin.get("/api/tenants/count?search=" + marker).body().get("count").asLong()).isEqualTo(2);

        JsonNode found = mspAdmin.get("/api/tenants?search=" + marker + "&per_page=1&sort=name").body();
        assertThat(found.get("meta").get("total").asLong()).isEqualTo(2);
        assertThat(ids(found.get("data"))).containsExactly(own.get(0).id().toString());
        JsonNode byName = mspAdmin.get("/api/tenants?name=Other%20" + marker).body();
        assertThat(byName.get("meta").get("total").asLong()).isZero();
    }

    @Test
    void anMspAdminsDashboardShowsOnlyItsPartnersFigures() {
        JsonNode dashboard = mspAdmin.get("/api/dashboard/msp").body();

        assertThat(dashboard.get("partner_id").asString()).isEqualTo(partner);
        assertThat(dashboard.get("total_tenants").asLong()).isEqualTo(3);
        assertThat(dashboard.get("by_status").get("suspended").asLong()).isEqualTo(1);
        assertThat(dashboard.get("by_partner").toString())
                .isEqualTo("[{\"partner_id\":\"" + partner + "\",\"tenants\":3}]");
        assertThat(mspAdmin.get("/api/dashboard/msp?partner_id=" + partner).body()).isEqualTo(dashboard);
    }

    @Test
    void anMspAdminAskingForAnotherPartnersDashboardIsToldNoSuchPartnerWhetherItHasTenantsOrNot() {
        Api.Response another = mspAdmin.get("/api/dashboard/msp?partner_id=" + otherPartner);
        Api.Response nobody = mspAdmin.get("/api/dashboard/msp?partner_id=nobody-" + run);

        assertThat(another.status()).isEqualTo(404);
        assertThat(another.body().get("type").asString()).isEqualTo("urn:tenant-registry:problem:partner-not-found");
        assertThat(another.text()).isEqualTo(nobody.text().replace("nobody-" + run, otherPartner));
    }

    @Test
    void anotherPartnersTenantIsNotFoundByIdNumberSlugOrDomainExactlyLikeAnUnknownOne() {
        Tenant unknown = unknownTenant();
        for (Tenant hidden : List.of(others, partnerless)) {
            for (String parameters : List.of("", "?include_deleted=true")) {
                notFoundLikeUnknown(mspAdmin, "/api/tenants/%s" + parameters, hidden.id(), unknown.id());
                notFoundLikeUnknown(mspAdmin, "/api/tenants/%s" + parameters, hidden.number(), unknown.number());
                notFoundLikeUnknown(mspAdmin, "/api/tenants/by-slug/%s" + parameters, hidden.slug(), unknown.slug());
                notFoundLikeUnknown(mspAdmin, "/api/tenants/by-domain/%s" + parameters, hidden.domain(),
                        unknown.domain());
            }
            notFoundLikeUnknown(mspAdmin, "/api/v1/admin/tenants/%s", hidden.id(), unknown.id());
            notFoundLikeUnknown(mspAdmin, "/api/v1/admin/tenants/%s/", hidden.number(), unknown.number());
        }
    }

    @Test
    void anotherPartnersTenantsResourcesAreNotFoundExactlyLikeThoseOfAnUnknownTenant() {
        Tenant unknown = unknownTenant();
        for (String kind : RESOURCE_KINDS) {
            notFoundLikeUnknown(mspAdmin, "/api/tenants/%s/" + kind, others.id(), unknown.id());
            notFoundLikeUnknown(mspAdmin, "/api/tenants/%s/" + kind, others.number(), unknown.number());
            assertThat(mspAdmin.get("/api/tenants/" + own.get(0).id() + "/" + kind).status()).isEqualTo(200);
        }
        assertThat(mspAdmin.get("/api/tenants/" + own.get(0).number() + "/extensions").body().get("data").size())
                .isEqualTo(1);
    }

    @Test
    void aMinVersionOfAnotherPartnersTenantIsNotWaitedForAndItsLookupIsNotFoundAsWithout() {
        for (Tenant hidden : List.of(others, partnerless)) {
            String withoutVersion = mspAdmin.get("/api/tenants/" + hidden.id()).text();
            String farAhead = "?min_version=" + hidden.id() + ":99";

            Api.Response lookup = mspAdmin.get("/api/tenants/" + hidden.id() + farAhead);
            assertThat(lookup.status()).isEqualTo(404);
            assertThat(lookup.text()).isEqualTo(withoutVersion);
            assertThat(mspAdmin.get("/api/tenants/" + hidden.id() + "/extensions" + farAhead).status())
                    .isEqualTo(404);
            assertThat(mspAdmin.get("/api/tenants" + farAhead).body().get("meta").get("total").asLong())
                    .isEqualTo(3);
            assertThat(mspAdmin.get("/api/dashboard/msp" + farAhead).status()).isEqualTo(200);
        }
    }

    @Test
    void aMinVersionOfATenantNotProjectedYetIsStillWaitedForAsItMayBeTheCallersOwn() {
        UUID created = UUID.randomUUID();

        Api.Response answer = mspAdmin.get("/api/tenants?min_version=" + created + ":1");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().get("pending").toString()).isEqualTo("[\"" + created + ":1\"]");
    }

    @Test
    void aClientAdminReadsItsOwnTenantAndListsAndCountsOnlyIt() {
        Tenant mine = own.get(0);

        assertThat(clientAdmin.get("/api/tenants/" + mine.id()).body().get("data").get("id").asString())
                .isEqualTo(mine.id().toString());
        assertThat(clientAdmin.get("/api/tenants/" + mine.number()).status()).isEqualTo(200);
        assertThat(clientAdmin.get("/api/tenants/by-slug/" + mine.slug()).status()).isEqualTo(200);
        assertThat(clientAdmin.get("/api/tenants/" + mine.id() + "/extensions").status()).isEqualTo(200);
        JsonNode page = clientAdmin.get("/api/tenants").body();
        assertThat(ids(page.get("data"))).containsExactly(mine.id().toString());
        assertThat(page.get("meta").get("total").asLong()).isEqualTo(1);
        assertThat(clientAdmin.get("/api/tenants/count").body().get("count").asLong()).isEqualTo(1);
        assertThat(clientAdmin.get("/api/tenants/count?search=" + marker).body().get("count").asLong()).isEqualTo(1);
        assertThat(clientAdmin.get("/api/tenants?search=zzz-" + run).body().get("meta").get("total").asLong())
                .isZero();
    }

    @Test
    void aClientAdminFindsNoOtherTenantEvenOfItsOwnPartnerAndHasNoDashboard() {
        Tenant unknown = unknownTenant();
        Tenant sibling = own.get(1);

        notFoundLikeUnknown(clientAdmin, "/api/tenants/%s", sibling.id(), unknown.id());
        notFoundLikeUnknown(clientAdmin, "/api/tenants/%s", sibling.number(), unknown.number());
        notFoundLikeUnknown(clientAdmin, "/api/tenants/by-domain/%s", sibling.domain(), unknown.domain());
        notFoundLikeUnknown(clientAdmin, "/api/tenants/%s/users", sibling.id(), unknown.id());
        Api.Response dashboard = clientAdmin.get("/api/dashboard/msp");
        assertThat(dashboard.status()).isEqualTo(403);
        assertThat(dashboard.contentType()).contains("application/problem+json");
    }

    @Test
    void aClientAdminWithOnlySettingsManageReadsItsTenantButNoList() {
        Tenant mine = own.get(0);
        Api settingsOnly = as(TestTokens.token().subject("settings-" + run).tenant(mine.id().toString())
                .scopes(Scopes.SETTINGS_MANAGE).sign());

        assertThat(settingsOnly.get("/api/tenants/" + mine.id()).status()).isEqualTo(200);
        assertThat(settingsOnly.get("/api/tenants/" + own.get(1).id()).status()).isEqualTo(404);
        assertThat(settingsOnly.get("/api/tenants?search=" + marker).status()).isEqualTo(403);
    }

    @Test
    void theAdminWithoutAPartnerStillSeesEveryTenant() {
        assertThat(get("/api/tenants/" + others.id()).status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + partnerless.number()).status()).isEqualTo(200);
        assertThat(get("/api/tenants/by-slug/" + others.slug()).status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + others.id() + "/extensions").status()).isEqualTo(200);
        assertThat(get("/api/tenants/count?search=" + marker).body().get("count").asLong()).isEqualTo(4);
        assertThat(get("/api/tenants?partner_id=" + partner).body().get("meta").get("total").asLong()).isEqualTo(3);
        assertThat(get("/api/dashboard/msp?partner_id=" + otherPartner).body().get("total_tenants").asLong())
                .isEqualTo(1);
    }

    /** The hidden tenant's answer is the unknown one's, with the one's key where the other's was. */
    private static void notFoundLikeUnknown(Api caller, String path, Object hidden, Object unknown) {
        Api.Response ofHidden = caller.get(path.formatted(hidden));
        Api.Response ofUnknown = caller.get(path.formatted(unknown));

        assertThat(ofUnknown.status()).as(path.formatted(unknown)).isEqualTo(404);
        assertThat(ofHidden.status()).as(path.formatted(hidden)).isEqualTo(404);
        assertThat(ofHidden.contentType()).isEqualTo(ofUnknown.contentType());
        assertThat(ofHidden.text()).isEqualTo(ofUnknown.text().replace(unknown.toString(), hidden.toString()));
    }

    private Tenant tenant(List<TenantEventEnvelope> events, int index, String name, String partnerId) {
        TenantStream stream = TenantStream.newTenant();
        String slug = "iso-" + run + "-" + index;
        String domain = slug + ".example.com";
        events.add(stream.next(new TenantCreated(stream.tenantId(), name, slug, domain, "UTC", 5, Map.of(),
                Branding.NONE, new Profile(null, null, null, null, "DE"), partnerId, firstNumber + index)));
        events.add(stream.next(new ExtensionRegistered(stream.tenantId(), UUID.randomUUID(), "100", "Desk")));
        return new Tenant(stream, firstNumber + index, slug, domain);
    }

    /** Keys no tenant has, shaped like the real ones. */
    private Tenant unknownTenant() {
        String slug = "iso-" + run + "-unknown";
        return new Tenant(TenantStream.newTenant(), firstNumber + 50, slug, slug + ".example.com");
    }

    private static List<String> ids(JsonNode data) {
        return StreamSupport.stream(data.spliterator(), false).map(tenant -> tenant.get("id").asString()).toList();
    }

    private record Tenant(TenantStream stream, int number, String slug, String domain) {

        UUID id() {
            return stream.tenantId();
        }
    }
}
