package org.tenantregistry.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.TenantState;
import org.tenantregistry.command.tenant.TenantDraft;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CommandSideStartsIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatedTenantIsStoredAsReadableJson() {
        UUID id = UUID.randomUUID();
        TenantState created = commands.sendAndWait(new CreateTenant(id,
                new TenantDraft("Acme", null, null, null, null, null, null, null, null, null, null, null)));

        assertThat(created.slug()).isEqualTo("acme");
        assertThat(created.version()).isEqualTo(1L);
        assertThat(created.number()).as("a number from the sequence").isPositive();
        assertThat(eventStore.readEvents(id.toString()).asStream().count()).isEqualTo(1);
        String json = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id.toString()).query(String.class).single();
        assertThat(json).contains("\"slug\":\"acme\"");
    }
}
