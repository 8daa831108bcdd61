package org.tenantregistry.command.tenant;

import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A tenant's current state, sourced from its events like a command would: for the answers that no command gives, the
 * replay of a create whose first answer was lost, and whether a caller may switch to the tenant. An unknown or purged
 * tenant throws Axon's {@link org.axonframework.modelling.command.AggregateNotFoundException}, as a command would.
 */
@Component
public class TenantStates {

    private final Repository<Tenant> tenants;

    TenantStates(Repository<Tenant> tenantRepository) {
        this.tenants = tenantRepository;
    }

    /** The tenant as a caller of that partner (null: any partner) may see it; another partner's is not found. */
    public TenantState of(UUID tenantId, String callerPartner) {
        TenantState state = of(tenantId);
        if (callerPartner != null) {
            PartnerBoundary.requireVisible(callerPartner, tenantId, state.details().partnerId());
        }
        return state;
    }

    public TenantState of(UUID tenantId) {
        ResultMessage<TenantState> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> tenants.load(tenantId.toString()).invoke(Tenant::state));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
