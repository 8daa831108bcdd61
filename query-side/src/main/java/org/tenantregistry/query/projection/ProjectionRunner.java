package org.tenantregistry.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.erasure.EnvelopeOpening;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the listeners call: applies events to a projection idempotently and in each tenant's order. The read model
 * change and the tracking row share one transaction; a redelivered event changes nothing; an event that skips a
 * sequence number is refused (and reported) instead of being applied over a hole; an event that cannot be applied is
 * refused with {@link EventNotApplicableException}, and the error handler then sets it aside as a dead letter. The keys
 * for sealed fields are asked for before the transaction begins ({@link EnvelopeOpening#fetchKeys}), so that waiting
 * for the command side holds no database connection.
 */
@Component
public class ProjectionRunner {

    private static final LogAccessor LOG = new LogAccessor(ProjectionRunner.class);

    private final TransactionTemplate transaction;
    private final OrderedApply orderedApply;
    private final BatchApply batchApply;
    private final ParkedEvents parked;
    private final ProjectionProgress progress;
    private final ProjectionMetrics metrics;
    private final EnvelopeOpening opening;

    ProjectionRunner(TransactionTemplate transaction, OrderedApply orderedApply, BatchApply batchApply,
                     ParkedEvents parked, ProjectionProgress progress, ProjectionMetrics metrics,
                     EnvelopeOpening opening) {
        this.transaction = transaction;
        this.orderedApply = orderedApply;
        this.batchApply = batchApply;
        this.parked = parked;
        this.progress = progress;
        this.metrics = metrics;
        this.opening = opening;
    }

    /**
     * What a batch listener calls with one poll's records: all of them in one transaction with set-based statements.
     * Should that fail, the records are applied one by one, each in its own transaction, up to the one that fails,
     * which is then handed to the error handler ({@link BatchListenerFailedException}): it commits the offsets before
     * it, retries, parks or dead-letters that record alone as it would for a record listener, and goes on with the
     * rest. An unreadable record ends the batch the same way, after the records before it were applied together.
     * Tombstones (null values) carry nothing the purge event before them did not, and are passed over.
     */
    public void handleRecords(Projection projection, List<? extends ConsumerRecord<?, TenantEventEnvelope>> records) {
        metrics.batch(projection.name(), records.size());
        int readable = 0;
        while (readable < records.size() && unreadable(records.get(readable)) == null) {
            readable++;
        }
        List<? extends ConsumerRecord<?, TenantEventEnvelope>> good = records.subList(0, readable);
        try {
            handleAll(projection, good.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList());
        } catch (RuntimeException batchFailure) {
            good.forEach(record -> handleAlone(projection, record));
        }
        if (readable < records.size()) {
            ConsumerRecord<?, TenantEventEnvelope> record = records.get(readable);
            throw new BatchListenerFailedException("unreadable record", unreadable(record), record);
        }
    }

    private void handleAlone(Projection projection, ConsumerRecord<?, TenantEventEnvelope> record) {
        if (record.value() == null) {
            return;
        }
        try {
            handle(projection, record.value());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, record);
        }
    }

    /** The reason a record could not be read, null for a readable one (a tombstone included). */
    private static DeserializationException unreadable(ConsumerRecord<?, ?> record) {
        if (record.value() != null
                || record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
            return null;
        }
        return SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                LOG);
    }

    /**
     * @throws SequenceGapException        when an earlier event of the tenant is missing and none of it waits yet
     * @throws EventNotApplicableException when the projection cannot apply this event (or a parked one behind it)
     * @throws org.tenantregistry.query.erasure.EventKeyUnavailableException when its sealed fields need a key the
     *                                     command side cannot give now (asked before the transaction begins)
     */
    public void handle(Projection projection, TenantEventEnvelope envelope) {
        opening.fetchKeys(List.of(envelope));
        ApplyPass pass = ApplyPass.of(projection);
        transaction.executeWithoutResult(status -> orderedApply.receive(pass, envelope, false));
        progress.committed(projection.name(), pass.reached());
    }

    /**
     * One transaction and a few set-based statements for the whole batch: a rebuild or a bulk load pays one commit
     * per batch, not per event. The same rules as {@link #handle}; the first failure fails the whole batch.
     */
    public void handleAll(Projection projection, List<TenantEventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        opening.fetchKeys(envelopes);
        ApplyPass pass = ApplyPass.of(projection);
        transaction.executeWithoutResult(status -> batchApply.receive(pass, envelopes));
        progress.committed(projection.name(), pass.reached());
    }

    /**
     * The last resort for an event whose gap outlived its retries: it waits in the parking table, and applying the
     * missing event later applies it too. Should the missing event have arrived meanwhile, it is applied right away.
     */
    public void parkOrApply(Projection projection, TenantEventEnvelope envelope) {
        opening.fetchKeys(List.of(envelope));
        ApplyPass pass = ApplyPass.of(projection);
        transaction.executeWithoutResult(status -> orderedApply.receive(pass, envelope, true));
        progress.committed(projection.name(), pass.reached());
    }

    /**
     * The last resort for an event the projection cannot apply: handles the record again, with the event that failed
     * (the record's own, or a parked one behind it) set aside as a dead letter, and its tenant's later events parked
     * behind it. Every other tenant goes on.
     *
     * @param attempts how often it was tried
     */
    public void deadLetter(Projection projection, TenantEventEnvelope received, EventNotApplicableException failure,
                           int attempts) {
        opening.fetchKeys(List.of(received));
        ApplyPass pass = ApplyPass.deadLettering(projection, failure, attempts);
        transaction.executeWithoutResult(status -> orderedApply.receive(pass, received, true));
        progress.committed(projection.name(), pass.reached());
    }

    public long parkedCount(Projection projection, UUID tenantId) {
        return parked.count(projection.name(), tenantId);
    }
}
