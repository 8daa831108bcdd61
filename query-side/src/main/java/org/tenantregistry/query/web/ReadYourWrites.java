package org.tenantregistry.query.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.tenantregistry.query.projection.ProjectionProgress;
import org.tenantregistry.query.projection.VersionToken;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Holds a query back until the projection it reads has applied the versions the client has seen written, without
 * holding a request thread: the controller answers with a future (Spring MVC's async request processing), and the
 * query runs once the projection got there, on the application's task executor.
 */
@Component
class ReadYourWrites {

    private final ProjectionProgress progress;
    private final Executor executor;

    ReadYourWrites(ProjectionProgress progress, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.progress = progress;
        this.executor = executor;
    }

    /**
     * The query's answer once the projection has applied the tokens; at once when it already has. Fails with
     * {@link org.tenantregistry.query.projection.ProjectionLagException} past the wait bound (503).
     *
     * @throws org.tenantregistry.query.projection.TooManyWaitersException when too many queries wait already (503)
     */
    <T> CompletableFuture<T> then(String projection, List<VersionToken> tokens, Supplier<T> query) {
        return then(List.of(projection), tokens, query);
    }

    /**
     * The same, once every one of the projections has applied the tokens: an answer that reads from several. They
     * are waited for one after the other, so that a waiting read holds one waiter at a time, as a read of one does.
     */
    <T> CompletableFuture<T> then(List<String> projections, List<VersionToken> tokens, Supplier<T> query) {
        CompletableFuture<Void> applied = progress.whenApplied(projections.get(0), tokens);
        for (String next : projections.subList(1, projections.size())) {
            applied = applied.thenCompose(ignored -> progress.whenApplied(next, tokens));
        }
        if (applied.isDone() && !applied.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(query.get());
        }
        return applied.thenApplyAsync(ignored -> query.get(), executor);
    }
}
