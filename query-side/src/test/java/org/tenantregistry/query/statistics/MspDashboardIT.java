package org.tenantregistry.query.statistics;

import org.junit.jupiter.api.Test;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantMaxExtensionsChanged;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.TenantPartnerChanged;
import org.tenantregistry.events.TenantProfileChanged;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantRestored;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics projection fed through its handler, read back through the dashboard endpoint. */
class MspDashboardIT extends DatabaseIntegrationTest {

    @Test
    void theDashboardCountsTenantsByStatusPartnerAndCountryAndSumsTheQuota() {
        String partner = "partner-dash-" + UUID.randomUUID();
        TenantStream active = TenantStream.newTenant();
        TenantStream suspended = TenantStream.newTenant();
        TenantStream deactivated = TenantStream.newTenant();
        TenantStream deleted = TenantStream.newTenant();
        deliver(List.of(
                active.created("Dash Active", "dash-a-" + UUID.randomUUID(), partner, "DE"),
                suspended.created("Dash Suspended", "dash-s-" + UUID.randomUUID(), partner, "DE"),
                deactivated.created("Dash Deactivated", "dash-d-" + UUID.randomUUID(), partner, "AT"),
                deleted.created("Dash Deleted", "dash-x-" + UUID.randomUUID(), partner, "FR"),
                suspended.next(new TenantSuspended(suspended.tenantId(), "unpaid")),
                deactivated.next(new TenantDeactivated(deactivated.tenantId(), MemberStatus.PASSIVE)),
                deleted.next(new TenantDeleted(deleted.tenantId(), TenantStatus.ACTIVE)),
                active.next(new TenantMaxExtensionsChanged(active.tenantId(), 10, 40))));

        JsonNode dashboard = get("/api/dashboard/msp?partner_id=" + partner).body();

        assertThat(dashboard.get("partner_id").asString()).isEqualTo(partner);
        assertThat(dashboard.get("total_tenants").asLong()).isEqualTo(3);
        assertThat(dashboard.get("by_status").toString())
                .isEqualTo("{\"active\":1,\"suspended\":1,\"deactivated\":1,\"deleted\":1}");
        assertThat(dashboard.get("by_partner").toString())
                .isEqualTo("[{\"partner_id\":\"" + partner + "\",\"tenants\":3}]");
        assertThat(dashboard.get("by_country").toString()).isEqualTo(
                "[{\"country_code\":\"DE\",\"country_name\":\"Germany\",\"tenants\":2},"
                        + "{\"country_code\":\"AT\",\"country_name\":\"Austria\",\"tenants\":1}]");
        assertThat(dashboard.get("extensions").toString()).isEqualTo("{\"max_extensions\":60,\"in_use\":0}");
        JsonNode days = dashboard.get("created_per_day");
        assertThat(days.size()).isEqualTo(30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(days.get(29).get("date").asString()).isEqualTo(today.toString());
        assertThat(days.get(0).get("date").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(days.get(29).get("tenants").asLong()).isEqualTo(4);
        assertThat(days.get(28).get("tenants").asLong()).isZero();
    }

    @Test
    void movingATenantToAnotherPartnerOrCountryMovesItsNumbersAlong() {
        String from = "partner-from-" + UUID.randomUUID();
        String to = "partner-to-" + UUID.randomUUID();
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Mover", "mover-" + UUID.randomUUID(), from, "DE"),
                tenant.next(new TenantPartnerChanged(tenant.tenantId(), from, to)),
                tenant.next(new TenantProfileChanged(tenant.tenantId(), new Profile(null, null, null, null, "PL")))));

        JsonNode old = get("/api/dashboard/msp?partner_id=" + from).body();
        JsonNode current = get("/api/dashboard/msp?partner_id=" + to).body();

        assertThat(old.get("total_tenants").asLong()).isZero();
        assertThat(old.get("extensions").get("max_extensions").asLong()).isZero();
        assertThat(old.get("created_per_day").get(29).get("tenants").asLong()).isZero();
        assertThat(current.get("total_tenants").asLong()).isEqualTo(1);
        assertThat(current.get("by_country").get(0).get("country_name").asString()).isEqualTo("Poland");
        assertThat(current.get("created_per_day").get(29).get("tenants").asLong()).isEqualTo(1);
    }

    @Test
    void aRestoredTenantCountsAgainAndAPurgedOneNoLonger() {
        String partner = "partner-restore-" + UUID.randomUUID();
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("Restored", "restored-" + UUID.randomUUID(), partner, "DE"),
                tenant.next(new TenantDeleted(tenant.tenantId(), TenantStatus.ACTIVE)),
                tenant.next(new TenantRestored(tenant.tenantId(), TenantStatus.ACTIVE))));
        assertThat(get("/api/dashboard/msp?partner_id=" + partner).body().get("total_tenants").asLong()).isEqualTo(1);

        deliver(List.of(tenant.next(new TenantPurged(tenant.tenantId()))));

        JsonNode dashboard = get("/api/dashboard/msp?partner_id=" + partner).body();
        assertThat(dashboard.get("total_tenants").asLong()).isZero();
        assertThat(dashboard.get("by_status").get("active").asLong()).isZero();
        assertThat(dashboard.get("created_per_day").get(29).get("tenants").asLong()).isZero();
    }

    @Test
    void theDashboardOfAllPartnersIncludesTenantsWithoutAPartner() {
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("No Partner", "no-partner-" + UUID.randomUUID(), null, "DE")));

        JsonNode dashboard = get("/api/dashboard/msp?min_version=" + tenant.tenantId() + ":1").body();

        assertThat(dashboard.get("partner_id").isNull()).isTrue();
        assertThat(dashboard.get("by_partner").findValues("partner_id")).anyMatch(JsonNode::isNull);
    }

    @Test
    void theQuotaShowsTheExtensionsInUseOfThePartnersTenantsThatAreNotDeleted() {
        String partner = "partner-use-" + UUID.randomUUID();
        TenantStream first = TenantStream.newTenant();
        TenantStream second = TenantStream.newTenant();
        TenantStream deleted = TenantStream.newTenant();
        UUID released = UUID.randomUUID();
        deliver(List.of(
                first.created("Use One", "use-one-" + UUID.randomUUID(), partner, "DE"),
                second.created("Use Two", "use-two-" + UUID.randomUUID(), partner, "DE"),
                deleted.created("Use Deleted", "use-x-" + UUID.randomUUID(), partner, "DE"),
                first.next(new ExtensionRegistered(first.tenantId(), UUID.randomUUID(), "100", null)),
                first.next(new ExtensionRegistered(first.tenantId(), released, "101", null)),
                second.next(new ExtensionRegistered(second.tenantId(), UUID.randomUUID(), "100", null)),
                deleted.next(new ExtensionRegistered(deleted.tenantId(), UUID.randomUUID(), "100", null)),
                first.next(new ExtensionReleased(first.tenantId(), released)),
                deleted.next(new TenantDeleted(deleted.tenantId(), TenantStatus.ACTIVE))));

        JsonNode dashboard = get("/api/dashboard/msp?partner_id=" + partner).body();

        assertThat(dashboard.get("extensions").toString()).isEqualTo("{\"max_extensions\":20,\"in_use\":2}");
    }
}
