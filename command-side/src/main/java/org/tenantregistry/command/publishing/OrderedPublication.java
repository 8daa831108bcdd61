package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.config.TenantEventsTopic;
import org.tenantregistry.command.config.TenantKafkaProperties;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes each tenant's events exactly in sequence order, without holes: an event already on the topic is not sent
 * again, and an event whose predecessors are missing (skipped by the tracking processor after its gap timeout) is
 * preceded by them, read back from the event store. Both the processor and {@link PublicationRepair} publish through
 * here, under the lock of the tenant's segment.
 * <p>
 * The processor hands its events over one by one inside the batch's unit of work; they are sent at once
 * ({@link PublicationBatch}), and before the unit of work commits (which stores the processor's token) the batch waits
 * for all acknowledgements and records the published sequences, with one read and one write of
 * {@code published_sequence} per batch. A failure rolls the whole batch back, token included, and the processor
 * retries it: what Kafka already has is then sent again (at least once), never skipped.
 */
@Component
class OrderedPublication {

    private static final Logger log = LoggerFactory.getLogger(OrderedPublication.class);

    private static final String BATCH_RESOURCE = OrderedPublication.class.getName() + "/batch";
    /** Where Axon's streaming processors put the segment of the unit of work (tracking and pooled alike). */
    private static final String SEGMENT_RESOURCE = "Processor[" + KafkaPublisher.PROCESSING_GROUP + "]/SegmentId";

    private final Producer<String, byte[]> producer;
    private final TenantEventsTopic topic;
    private final TenantEventRecords records;
    private final PublicationAudit audit;
    private final EventStore eventStore;
    private final PublisherMetrics metrics;
    private final TenantKafkaProperties properties;
    private final SegmentLocks locks;

    OrderedPublication(Producer<String, byte[]> producer, TenantEventsTopic topic, TenantEventRecords records,
                       PublicationAudit audit, EventStore eventStore, PublisherMetrics metrics,
                       TenantKafkaProperties properties, SegmentLocks locks) {
        this.producer = producer;
        this.topic = topic;
        this.records = records;
        this.audit = audit;
        this.eventStore = eventStore;
        this.metrics = metrics;
        this.properties = properties;
        this.locks = locks;
    }

    /**
     * Sends the event, after any of its tenant's earlier events that are not published yet, as part of the current
     * unit of work's batch: it counts as published when that unit of work commits.
     */
    void publish(DomainEventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        PublicationBatch batch = unitOfWork.getOrComputeResource(BATCH_RESOURCE, key -> open(unitOfWork));
        counted(() -> publishInOrder(batch, event));
    }

    /** Publishes every stored event of the tenant after its last published one, on its own (the repair). */
    void catchUp(String tenantId, int segmentId) {
        ReentrantLock lock = locks.of(segmentId);
        lock.lock();
        try {
            PublicationBatch batch = batchOf(List.of(tenantId));
            long last = batch.lastPublished(tenantId);
            log.warn("Tenant {}: stored events after sequence {} were passed by the tracking processor but are not "
                    + "published (gap timeout); republishing them from the event store", tenantId, last);
            metrics.gap();
            counted(() -> {
                republish(batch, tenantId, last + 1, Long.MAX_VALUE);
                complete(batch);
            });
        } finally {
            lock.unlock();
        }
    }

    /** The unit of work's batch: its segment locked until the end, its tenants' published sequences read at once. */
    private PublicationBatch open(UnitOfWork<?> unitOfWork) {
        Integer segmentId = unitOfWork.getResource(SEGMENT_RESOURCE);
        ReentrantLock lock = locks.of(segmentId == null ? 0 : segmentId);
        lock.lock();
        unitOfWork.onCleanup(u -> lock.unlock());
        PublicationBatch batch = batchOf(tenantsOf(unitOfWork));
        unitOfWork.onPrepareCommit(u -> counted(() -> complete(batch)));
        return batch;
    }

    private PublicationBatch batchOf(List<String> tenantIds) {
        try {
            topic.ensureExists();
        } catch (RuntimeException e) {
            throw new PublicationFailedException("topic " + topic.name() + " not ready: " + e, e);
        }
        return new PublicationBatch(producer, records, properties.acknowledgementWait(),
                audit.lastPublished(tenantIds));
    }

    private static List<String> tenantsOf(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(unitOfWork.getMessage());
        return messages.stream().filter(DomainEventMessage.class::isInstance)
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier()).distinct().toList();
    }

    private void publishInOrder(PublicationBatch batch, DomainEventMessage<?> event) {
        String tenantId = event.getAggregateIdentifier();
        long last = batch.lastPublished(tenantId);
        long sequence = event.getSequenceNumber();
        if (sequence <= last) {
            // A batch retried after a failure, or an event the repair already sent: Kafka has it.
            metrics.alreadyPublished();
            return;
        }
        if (sequence > last + 1) {
            log.warn("Tenant {}: event {} arrived but {} is the last published; republishing {}..{} from the "
                            + "event store (skipped by the tracking processor's gap timeout?)",
                    tenantId, sequence, last, last + 1, sequence - 1);
            metrics.gap();
            republish(batch, tenantId, last + 1, sequence - 1);
        }
        batch.send(event);
    }

    private void republish(PublicationBatch batch, String tenantId, long from, long to) {
        // readEvents(id, n) reads the stream itself from n on, never a snapshot.
        Iterator<? extends DomainEventMessage<?>> stream = eventStore.readEvents(tenantId, from).asStream().iterator();
        while (stream.hasNext()) {
            DomainEventMessage<?> missing = stream.next();
            if (missing.getSequenceNumber() > to) {
                return;
            }
            batch.send(missing);
            metrics.republished();
        }
    }

    /** Waits for the acknowledgements, then records what is published: in the caller's transaction, if any. */
    private void complete(PublicationBatch batch) {
        batch.awaitAcknowledgements();
        audit.recordPublished(batch.sentSequences());
        metrics.published(batch.events());
    }

    private void counted(Runnable publication) {
        try {
            publication.run();
        } catch (PublicationFailedException e) {
            metrics.failed();
            throw e;
        }
    }
}
