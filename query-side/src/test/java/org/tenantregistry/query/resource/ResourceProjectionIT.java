package org.tenantregistry.query.resource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.events.DidRegistered;
import org.tenantregistry.events.ExtensionRegistered;
import org.tenantregistry.events.ExtensionReleased;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.QueueRegistered;
import org.tenantregistry.events.RateRegistered;
import org.tenantregistry.events.TenantDeactivated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantPurged;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.UserAdded;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The resources projection fed through its handler, read back through the API and the ledger. */
class ResourceProjectionIT extends DatabaseIntegrationTest {

    @Autowired
    ResourceLedger ledger;

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static TenantStream tenantWithTenExtensions(List<TenantEventEnvelope> events) {
        TenantStream tenant = TenantStream.newTenant();
        events.add(tenant.created("Resources", "resources-" + suffix(), null, "DE"));
        for (int i = 0; i < 10; i++) {
            events.add(tenant.next(
                    new ExtensionRegistered(tenant.tenantId(), UUID.randomUUID(), "10" + i, "Desk " + i)));
        }
        return tenant;
    }

    @Test
    void theProjectionListsAndCountsTheResourcesInRegistrationOrder() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        TenantStream tenant = tenantWithTenExtensions(events);
        UUID id = tenant.tenantId();
        events.add(tenant.next(new DidRegistered(id, UUID.randomUUID(), "+4930123456")));
        events.add(tenant.next(new QueueRegistered(id, UUID.randomUUID(), "Support", "roundrobin")));
        events.add(tenant.next(new RateRegistered(id, UUID.randomUUID(), "4930", new BigDecimal("0.0125"), "EUR")));
        deliver(events);

        JsonNode extensions = get("/api/tenants/" + id + "/extensions").body();
        assertThat(extensions.get("message").asString()).isEqualTo("Extensions fetched successfully.");
        assertThat(extensions.get("data").valueStream().map(extension -> extension.get("number").asString()))
                .containsExactly("100", "101", "102", "103", "104", "105", "106", "107", "108", "109");
        JsonNode rate = get("/api/tenants/" + id + "/rates").body().get("data").get(0);
        assertThat(rate.get("tenant_id").asString()).isEqualTo(id.toString());
        assertThat(rate.get("prefix").asString()).isEqualTo("4930");
        assertThat(rate.get("price").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(rate.get("currency").asString()).isEqualTo("EUR");
        assertThat(get("/api/tenants/" + id + "/queues").body().get("data").get(0).get("strategy").asString())
                .isEqualTo("roundrobin");
        assertThat(get("/api/tenants/" + id + "/users").body().get("data")).isEmpty();
        assertThat(ledger.countsFor(List.of(id))).containsEntry(id, new ResourceCounts(10, 1, 1, 1, 0));
        assertThat(ledger.resourcesOf(id).keySet()).containsExactly("extensions", "dids", "queues", "rates", "users");
        assertThat(ledger.resourcesOf(id).get("dids")).extracting(TenantResource::attributes)
                .containsExactly(Map.of("number", "+4930123456"));
    }

    @Test
    void aReleaseRemovesTheResourceAndLowersTheCountOnce() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID extension = UUID.randomUUID();
        events.add(tenant.created("Release", "release-" + suffix(), null, "DE"));
        events.add(tenant.next(new ExtensionRegistered(id, extension, "100", null)));
        events.add(tenant.next(new ExtensionReleased(id, extension)));
        deliver(events);
        // redelivered: the runner applies each event once
        deliver(events);

        assertThat(get("/api/tenants/" + id + "/extensions").body().get("data")).isEmpty();
        assertThat(ledger.countsFor(List.of(id))).containsEntry(id, ResourceCounts.NONE);
    }

    @Test
    void aDeactivationSetsEveryMembersStatus() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        events.add(tenant.created("Members", "members-" + suffix(), null, "DE"));
        events.add(tenant.next(new UserAdded(id, UUID.randomUUID(), "jane@example.com", MemberStatus.ACTIVE)));
        events.add(tenant.next(new UserAdded(id, UUID.randomUUID(), "joe@example.com", MemberStatus.PASSIVE)));
        events.add(tenant.next(new TenantDeactivated(id, MemberStatus.BANNED)));
        deliver(events);

        assertThat(get("/api/tenants/" + id + "/users").body().get("data").valueStream()
                .map(user -> user.get("status").asInt())).containsExactly(2, 2);
        assertThat(ledger.countsFor(List.of(id)).get(id).users()).isEqualTo(2);
    }

    @Test
    void aPurgeDropsTheTenantsResourcesAndItsListIsNotFoundThen() {
        List<TenantEventEnvelope> events = new ArrayList<>();
        TenantStream tenant = tenantWithTenExtensions(events);
        UUID id = tenant.tenantId();
        deliver(events);
        assertThat(ledger.countsFor(List.of(id)).get(id).extensions()).isEqualTo(10);

        deliver(List.of(tenant.next(new TenantDeleted(id, TenantStatus.ACTIVE)), tenant.next(new TenantPurged(id))));

        assertThat(ledger.countsFor(List.of(id))).isEmpty();
        assertThat(ledger.resourcesOf(id).values()).allSatisfy(resources -> assertThat(resources).isEmpty());
        assertThat(get("/api/tenants/" + id + "/extensions").status()).isEqualTo(404);
    }

    @Test
    void anUnknownTenantIsNotFoundAndReadYourWritesWaitsForTheResources() {
        assertThat(get("/api/tenants/" + UUID.randomUUID() + "/dids").status()).isEqualTo(404);

        List<TenantEventEnvelope> events = new ArrayList<>();
        TenantStream tenant = tenantWithTenExtensions(events);
        deliver(events);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "/extensions?min_version=" + tenant.tenantId() + ":11")
                .status()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant.tenantId() + "/extensions?min_version=" + tenant.tenantId() + ":12")
                .status()).isEqualTo(503);
    }
}
