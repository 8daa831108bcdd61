package org.tenantregistry.command.tenant;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A tenant's current state, sourced from its events like a command would: for the rare answer that no command gives,
 * the replay of a create whose first answer was lost.
 */
@Component
public class TenantStates {

    private final Repository<Tenant> tenants;

    TenantStates(Repository<Tenant> tenantRepository) {
        this.tenants = tenantRepository;
    }

    public TenantState of(UUID tenantId) {
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> tenants.load(tenantId.toString()).invoke(Tenant::state))
                .getPayload();
    }
}
