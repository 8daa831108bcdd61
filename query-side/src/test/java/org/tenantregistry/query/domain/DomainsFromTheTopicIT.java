package org.tenantregistry.query.domain;

import org.junit.jupiter.api.Test;
import org.tenantregistry.events.CustomDomainAdded;
import org.tenantregistry.events.CustomDomainVerified;
import org.tenantregistry.events.DnsCheckOutcome;
import org.tenantregistry.events.PrimaryDomainChanged;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.query.support.Api;
import org.tenantregistry.query.support.KafkaIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The domains projection's own listener, from the topic to the domain list, the tenant and the public branding. */
class DomainsFromTheTopicIT extends KafkaIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void domainEventsOnTheTopicReachTheDomainListOnceEvenWhenRedelivered() {
        String slug = "topic-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = "www." + slug + ".example.org";
        TenantStream tenant = TenantStream.newTenant();
        UUID id = tenant.tenantId();
        UUID domainId = UUID.randomUUID();
        List<TenantEventEnvelope> events = List.of(tenant.created("Topic", slug, null, "DE"),
                tenant.next(new CustomDomainAdded(id, domainId, domain, "t-1", Instant.now().plus(Duration.ofDays(7)))),
                tenant.next(new CustomDomainVerified(id, domainId, domain,
                        CustomDomainsIT.check(domain, slug, DnsCheckOutcome.VERIFIED, "verified"))),
                tenant.next(new PrimaryDomainChanged(id, domainId, slug + ".example.com", domain)));
        topic.publish(events);
        topic.publish(events);
        topic.publish(tenant.next(new TenantRenamed(id, "Topic", "Topic Renamed")));

        JsonNode domains = awaitOk("/api/tenants/" + id + "/domains?min_version=" + id + ":" + tenant.version());
        assertThat(domains.get("data").size()).isEqualTo(1);
        assertThat(domains.get("data").get(0).get("status").asString()).isEqualTo("verified");
        assertThat(domains.get("data").get(0).get("is_primary").asBoolean()).isTrue();
        assertThat(get("/api/tenants/" + id).body().get("data").get("domain").asString()).isEqualTo(domain);
    }

    private JsonNode awaitOk(String uri) {
        return await().atMost(PATIENCE).until(() -> get(uri), (Api.Response answer) -> answer.status() == 200).body();
    }
}
