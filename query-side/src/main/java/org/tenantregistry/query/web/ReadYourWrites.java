package org.tenantregistry.query.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.tenantregistry.query.projection.ProjectionProgress;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.tenant.Reach;
import org.tenantregistry.query.tenant.TenantQueries;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Holds a query back until the projection it reads has applied the versions the client has seen written, without
 * holding a request thread: the controller answers with a future (Spring MVC's async request processing), and the
 * query runs once the projection got there, on the application's task executor.
 */
@Component
public class ReadYourWrites {

    private final ProjectionProgress progress;
    private final Executor executor;
    private final TenantQueries tenants;

    ReadYourWrites(ProjectionProgress progress, @Qualifier("applicationTaskExecutor") Executor executor,
                   TenantQueries tenants) {
        this.progress = progress;
        this.executor = executor;
        this.tenants = tenants;
    }

    /**
     * The query's answer once the projection has applied the tokens; at once when it already has. Fails with
     * {@link org.tenantregistry.query.projection.ProjectionLagException} past the wait bound (503).
     *
     * @throws org.tenantregistry.query.projection.TooManyWaitersException when too many queries wait already (503)
     */
    public <T> CompletableFuture<T> then(String projection, Reach reach, List<VersionToken> tokens, Supplier<T> query) {
        return then(List.of(projection), reach, tokens, query);
    }

    /**
     * The same, once every one of the projections has applied the tokens: an answer that reads from several. They
     * are waited for one after the other, so that a waiting read holds one waiter at a time, as a read of one does.
     * Tokens of tenants out of the caller's reach are not waited for: the answer cannot show them, and a wait (or a
     * 503 naming them) would tell that they exist and how far they got.
     */
    public <T> CompletableFuture<T> then(List<String> projections, Reach reach, List<VersionToken> tokens,
                                  Supplier<T> query) {
        Set<UUID> hidden = tenants.outOfReach(tokens.stream().map(VersionToken::tenantId).toList(), reach);
        List<VersionToken> awaited = tokens.stream().filter(token -> !hidden.contains(token.tenantId())).toList();
        CompletableFuture<Void> applied = progress.whenApplied(projections.get(0), awaited);
        for (String next : projections.subList(1, projections.size())) {
            applied = applied.thenCompose(ignored -> progress.whenApplied(next, awaited));
        }
        if (applied.isDone() && !applied.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(query.get());
        }
        return applied.thenApplyAsync(ignored -> query.get(), executor);
    }
}
