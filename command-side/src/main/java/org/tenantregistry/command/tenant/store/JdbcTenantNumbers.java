package org.tenantregistry.command.tenant.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.tenant.TenantNumbers;

import java.util.Optional;
import java.util.UUID;

/** Numbers from sequence {@code tenant_number_seq}, recorded in table {@code tenant_number} in one statement. */
@Component
class JdbcTenantNumbers implements TenantNumbers {

    private final JdbcClient jdbc;

    JdbcTenantNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int allocate(UUID tenantId) {
        return jdbc.sql("""
                        INSERT INTO tenant_number (number, tenant_id) VALUES (nextval('tenant_number_seq'), :tenantId)
                        RETURNING number""")
                .param("tenantId", tenantId)
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<UUID> tenantOf(int number) {
        return jdbc.sql("SELECT tenant_id FROM tenant_number WHERE number = :number")
                .param("number", number)
                .query(UUID.class)
                .optional();
    }
}
