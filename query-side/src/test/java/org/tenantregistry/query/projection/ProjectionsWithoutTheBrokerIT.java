package org.tenantregistry.query.projection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.query.support.DatabaseIntegrationTest;
import org.tenantregistry.query.support.TenantStream;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** No broker answers here: the projections' state still comes from the database, and the broker's part is unknown. */
class ProjectionsWithoutTheBrokerIT extends DatabaseIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabasePartIsAnsweredAndTheKafkaPartIsUnknownWhenNoBrokerAnswers() {
        TenantStream tenant = TenantStream.newTenant();
        deliver(List.of(tenant.created("No Broker", "no-broker-" + UUID.randomUUID(), null, "DE"),
                tenant.next(new TenantRenamed(tenant.tenantId(), "No Broker", "Still No Broker"))));

        var answer = get("/api/admin/projections");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode kafka = answer.body().get("kafka");
        assertThat(kafka.get("known").asBoolean()).isFalse();
        assertThat(kafka.get("error").asString()).isNotBlank();
        assertThat(answer.body().get("data")).hasSize(4);
        for (JsonNode state : answer.body().get("data")) {
            String name = state.get("name").asString();
            assertThat(state.get("partitions").isNull()).as(name).isTrue();
            assertThat(state.get("lag").isNull()).as(name).isTrue();
            assertThat(state.get("tenants_tracked").asLong()).as(name).isEqualTo(jdbc.sql(
                    "SELECT count(*) FROM projection_tracking WHERE projection = ?").param(name).query(Long.class)
                    .single()).isPositive();
            assertThat(state.get("parked_events").asLong()).isEqualTo(jdbc.sql(
                    "SELECT count(*) FROM projection_parked_event WHERE projection = ?").param(name).query(Long.class)
                    .single());
        }
    }
}
