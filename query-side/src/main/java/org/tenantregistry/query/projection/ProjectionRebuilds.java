package org.tenantregistry.query.projection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.erasure.EnvelopeOpening;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Operators' rebuilds of the projections: one at a time in this instance, each on a thread of its own
 * ({@link ProjectionRebuild}), its progress readable while it runs and after it ended (the last one per projection).
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private final Map<String, Projection> projections;
    private final ConsumerFactory<?, ?> consumers;
    private final String topic;
    private final ShadowTables shadows;
    private final ProjectionTracking tracking;
    private final BatchApply batchApply;
    private final OrderedApply orderedApply;
    private final EnvelopeOpening opening;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final int catchUpSlack;
    private final Map<String, RebuildProgress> latest = new ConcurrentHashMap<>();
    private final AtomicReference<String> running = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilds(List<Projection> projections, ConsumerFactory<?, ?> consumers,
                       @Value("${tenant-registry.query.topic}") String topic,
                       @Value("${spring.kafka.consumer.max-poll-records:500}") int maxPollRecords,
                       ShadowTables shadows, ProjectionTracking tracking, ParkedEvents parked,
                       DeadLetters deadLetters, EnvelopeOpening opening, PlatformTransactionManager transactions,
                       Clock clock) {
        this.projections = projections.stream()
                .collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
        this.consumers = consumers;
        this.topic = topic;
        this.shadows = shadows;
        this.tracking = tracking;
        // The live projections' metrics count what the live models did: a rebuild counts into a registry of its own.
        ProjectionMetrics metrics = new ProjectionMetrics(new SimpleMeterRegistry());
        this.orderedApply = new OrderedApply(tracking, parked, deadLetters, opening, metrics);
        this.batchApply = new BatchApply(tracking, parked, deadLetters, orderedApply, opening, metrics);
        this.opening = opening;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.catchUpSlack = maxPollRecords;
    }

    /**
     * @throws ProjectionNotFoundException when no projection has the name
     * @throws RebuildRunningException     when a rebuild runs already, of this projection or another
     */
    public RebuildStatus start(String name) {
        Projection projection = projection(name);
        if (!running.compareAndSet(null, name)) {
            throw new RebuildRunningException(status(running.get()).orElse(null));
        }
        RebuildProgress progress = new RebuildProgress(name, clock);
        latest.put(name, progress);
        try {
            ProjectionRebuild rebuild = new ProjectionRebuild(projection, progress, consumer(name), topic, shadows,
                    tracking, batchApply, orderedApply, opening, nested, catchUpSlack, clock);
            executor.execute(() -> {
                String failure = "ended without finishing";
                try {
                    failure = rebuild.run();
                } finally {
                    // Free before it says it ended: whoever sees "done" may start the next one at once.
                    running.set(null);
                    if (failure == null) {
                        progress.done();
                    } else {
                        progress.failed(failure);
                    }
                }
            });
        } catch (RuntimeException e) {
            running.set(null);
            progress.failed("not started: " + e);
            throw e;
        }
        return progress.snapshot();
    }

    /** The running rebuild of the projection, or its last one; empty when it had none since this instance started. */
    public Optional<RebuildStatus> status(String name) {
        return Optional.ofNullable(latest.get(name)).map(RebuildProgress::snapshot);
    }

    /** @throws ProjectionNotFoundException when no projection has the name */
    public Projection projection(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new ProjectionNotFoundException(name, projections.keySet().stream().sorted().toList());
        }
        return projection;
    }

    /** A consumer of no group, so that it commits no offsets and no group rebalances for it. */
    private KafkaConsumer<String, TenantEventEnvelope> consumer(String name) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-side-rebuild-" + name);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
