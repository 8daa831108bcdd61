package org.tenantregistry.query.projection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.erasure.EnvelopeOpening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One rebuild of one projection, on its own thread: the projection's write path, unchanged, fed by a consumer of its
 * own that reads the topic from the beginning, writing shadow tables ({@link ShadowTables}) while the live model goes
 * on serving and being kept by its listener. Then, in one transaction under the projection's swap lock (no write of
 * the live model runs meanwhile), the events that arrived last are applied to the shadows too and the shadows replace
 * the live rows. The consumer belongs to no group: it commits nothing, and the listener's offsets stay as they are;
 * after the swap the listener finds the events it had not applied yet already applied, and skips them.
 */
final class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** No record for this long while the end is not reached: the broker is away, and the rebuild gives up. */
    private static final Duration STALLED = Duration.ofMinutes(1);
    /** Rounds of catching up before the swap; the swap itself reads whatever is still left. */
    private static final int CATCH_UP_ROUNDS = 10;

    private final Projection projection;
    private final RebuildProgress progress;
    private final Consumer<String, TenantEventEnvelope> consumer;
    private final String topic;
    private final ShadowTables shadows;
    private final ProjectionTracking tracking;
    private final BatchApply batchApply;
    private final OrderedApply orderedApply;
    private final EnvelopeOpening opening;
    private final TransactionTemplate transaction;
    private final int catchUpSlack;
    private final Clock clock;
    private Map<TopicPartition, Long> beginning = Map.of();
    private Map<TopicPartition, Long> endAtStart = Map.of();
    private Instant nextLog;

    /**
     * @param transaction   of propagation NESTED: a transaction of its own, or a savepoint inside the swap's, so that
     *                      a batch that fails can be applied again event by event
     * @param catchUpSlack  the swap starts once fewer events than this are left to read
     */
    ProjectionRebuild(Projection projection, RebuildProgress progress, Consumer<String, TenantEventEnvelope> consumer,
                      String topic, ShadowTables shadows, ProjectionTracking tracking, BatchApply batchApply,
                      OrderedApply orderedApply, EnvelopeOpening opening, TransactionTemplate transaction,
                      int catchUpSlack, Clock clock) {
        this.projection = projection;
        this.progress = progress;
        this.consumer = consumer;
        this.topic = topic;
        this.shadows = shadows;
        this.tracking = tracking;
        this.batchApply = batchApply;
        this.orderedApply = orderedApply;
        this.opening = opening;
        this.transaction = transaction;
        this.catchUpSlack = catchUpSlack;
        this.clock = clock;
    }

    /** @return why it failed, null when the rebuilt model is live */
    String run() {
        try {
            rebuild();
            return null;
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {} failed; the live model is as it was", projection.name(), e);
            return e.toString();
        } finally {
            consumer.close(KAFKA_TIMEOUT);
            try {
                transaction.executeWithoutResult(status -> shadows.drop(projection));
            } catch (RuntimeException e) {
                log.warn("Shadow schema {} not dropped: {}", ShadowTables.schemaOf(projection), e.toString());
            }
        }
    }

    private void rebuild() {
        String live = transaction.execute(status -> {
            String schema = shadows.liveSchema();
            shadows.create(projection, schema);
            return schema;
        });
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        beginning = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
        endAtStart = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
        long total = endAtStart.values().stream().mapToLong(Long::longValue).sum()
                - beginning.values().stream().mapToLong(Long::longValue).sum();
        progress.replaying(total);
        log.info("Rebuild of projection {}: replaying {} records of topic {} ({} partitions) into schema {}",
                projection.name(), total, topic, partitions.size(), ShadowTables.schemaOf(projection));
        nextLog = clock.instant().plus(LOG_EVERY);
        readUpTo(endAtStart);

        progress.phase(RebuildStatus.Phase.CATCHING_UP);
        for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
            if (behind(end) < catchUpSlack) {
                break;
            }
            readUpTo(end);
        }

        progress.phase(RebuildStatus.Phase.SWAPPING);
        log.info("Rebuild of projection {}: swapping, the projection's writes wait meanwhile", projection.name());
        transaction.executeWithoutResult(status -> {
            tracking.lockForSwap(projection.name());
            readUpTo(consumer.endOffsets(partitions, KAFKA_TIMEOUT));
            shadows.swap(projection, live);
        });
        RebuildStatus done = progress.snapshot();
        log.info("Rebuild of projection {} swapped in: {} events applied, {} records read in {} s",
                projection.name(), done.eventsApplied(), done.eventsDone(),
                Duration.between(done.startedAt(), clock.instant()).toSeconds());
    }

    private List<TopicPartition> partitions() {
        var infos = consumer.partitionsFor(topic, KAFKA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Reads and applies until every partition's position is at its target offset or past it. */
    private void readUpTo(Map<TopicPartition, Long> target) {
        Instant lastRecord = clock.instant();
        while (behind(target) > 0) {
            List<TenantEventEnvelope> envelopes = new ArrayList<>();
            int records = 0;
            for (ConsumerRecord<String, TenantEventEnvelope> record : consumer.poll(POLL)) {
                records++;
                // A tombstone adds nothing to its purge event; an unreadable record is skipped, as the listener does.
                if (record.value() != null) {
                    envelopes.add(record.value());
                } else if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                    log.warn("Rebuild of projection {} skips unreadable record {}-{}@{}", projection.name(),
                            record.topic(), record.partition(), record.offset());
                }
            }
            apply(envelopes);
            progress.read(readSinceStart(), envelopes.size());
            Instant now = clock.instant();
            if (records > 0) {
                lastRecord = now;
            } else if (Duration.between(lastRecord, now).compareTo(STALLED) > 0) {
                throw new IllegalStateException("no record from topic " + topic + " for " + STALLED
                        + " although " + behind(target) + " are left to read");
            }
            if (now.isAfter(nextLog)) {
                RebuildStatus status = progress.snapshot();
                log.info("Rebuild of projection {}: {} of {} records ({}/s, about {} s left), {} events applied",
                        projection.name(), status.eventsDone(), status.eventsTotal(), status.ratePerSecond(),
                        status.etaSeconds(), status.eventsApplied());
                nextLog = now.plus(LOG_EVERY);
            }
        }
    }

    /**
     * All of a batch in one transaction. Should that fail, as the listener does: event by event up to the one that
     * failed (which is parked or becomes a dead letter), then the rest as a batch again.
     */
    private void apply(List<TenantEventEnvelope> envelopes) {
        // the keys of the whole batch in one request, not one per tenant inside the transaction
        opening.fetchKeys(envelopes);
        List<TenantEventEnvelope> rest = envelopes;
        while (!rest.isEmpty() && !applyBatch(rest)) {
            int next = 0;
            while (next < rest.size() && applyAlone(rest.get(next))) {
                next++;
            }
            rest = rest.subList(Math.min(next + 1, rest.size()), rest.size());
        }
    }

    private boolean applyBatch(List<TenantEventEnvelope> envelopes) {
        try {
            transaction.executeWithoutResult(status -> {
                shadows.useShadows(projection);
                batchApply.receive(ApplyPass.of(projection), envelopes);
            });
            return true;
        } catch (RuntimeException batchFailure) {
            return false;
        }
    }

    /**
     * @return false when the event could not simply be applied: behind a gap it is parked at once (the topic is read
     * from its beginning: nothing missing comes later from a previous owner of a partition); one the projection cannot
     * apply becomes a dead letter of the rebuilt model at once, its tenant's later events parked behind it, as the
     * listener does after its retries; a key the command side cannot give now fails the rebuild (the live model stays
     * as it was), since an event must not become a dead letter for that
     */
    private boolean applyAlone(TenantEventEnvelope envelope) {
        try {
            inShadows(ApplyPass.of(projection), envelope, false);
            return true;
        } catch (SequenceGapException gap) {
            inShadows(ApplyPass.of(projection), envelope, true);
        } catch (EventNotApplicableException failure) {
            inShadows(ApplyPass.deadLettering(projection, failure, 1), envelope, true);
        }
        return false;
    }

    private void inShadows(ApplyPass pass, TenantEventEnvelope envelope, boolean parkAtGap) {
        transaction.executeWithoutResult(status -> {
            shadows.useShadows(projection);
            orderedApply.receive(pass, envelope, parkAtGap);
        });
    }

    private long behind(Map<TopicPartition, Long> target) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
            behind += Math.max(0, end.getValue() - consumer.position(end.getKey(), KAFKA_TIMEOUT));
        }
        return behind;
    }

    private long readSinceStart() {
        long done = 0;
        for (Map.Entry<TopicPartition, Long> end : endAtStart.entrySet()) {
            long position = consumer.position(end.getKey(), KAFKA_TIMEOUT);
            done += Math.min(position, end.getValue()) - beginning.getOrDefault(end.getKey(), 0L);
        }
        return done;
    }
}
