package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.config.TenantEventsTopic;
import org.tenantregistry.command.config.TenantKafkaProperties;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes each tenant's events exactly in sequence order, without holes: an event already on the topic is not sent
 * again, and an event whose predecessors are missing (skipped by the tracking processor after its gap timeout) is
 * preceded by them, read back from the event store. Both the processor and {@link PublicationRepair} publish through
 * here; one lock keeps them from interleaving one tenant's events.
 */
@Component
class OrderedPublication {

    private static final Logger log = LoggerFactory.getLogger(OrderedPublication.class);

    private final Producer<String, byte[]> producer;
    private final TenantEventsTopic topic;
    private final TenantEventRecords records;
    private final PublicationAudit audit;
    private final EventStore eventStore;
    private final PublisherMetrics metrics;
    private final TenantKafkaProperties properties;
    private final ReentrantLock lock = new ReentrantLock();

    OrderedPublication(Producer<String, byte[]> producer, TenantEventsTopic topic, TenantEventRecords records,
                       PublicationAudit audit, EventStore eventStore, PublisherMetrics metrics,
                       TenantKafkaProperties properties) {
        this.producer = producer;
        this.topic = topic;
        this.records = records;
        this.audit = audit;
        this.eventStore = eventStore;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Publishes the event, after any of its tenant's earlier events that are not published yet. */
    void publish(DomainEventMessage<?> event) {
        lock.lock();
        try {
            String tenantId = event.getAggregateIdentifier();
            long last = audit.lastPublished(tenantId);
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
                republish(tenantId, last + 1, sequence - 1);
            }
            send(event);
        } finally {
            lock.unlock();
        }
    }

    /** Publishes every stored event of the tenant after its last published one. */
    void catchUp(String tenantId) {
        lock.lock();
        try {
            long last = audit.lastPublished(tenantId);
            log.warn("Tenant {}: stored events after sequence {} were passed by the tracking processor but are not "
                    + "published (gap timeout); republishing them from the event store", tenantId, last);
            metrics.gap();
            republish(tenantId, last + 1, Long.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    private void republish(String tenantId, long from, long to) {
        // readEvents(id, n) reads the stream itself from n on, never a snapshot.
        Iterator<? extends DomainEventMessage<?>> stream = eventStore.readEvents(tenantId, from).asStream().iterator();
        while (stream.hasNext()) {
            DomainEventMessage<?> missing = stream.next();
            if (missing.getSequenceNumber() > to) {
                return;
            }
            send(missing);
            metrics.republished();
        }
    }

    private void send(DomainEventMessage<?> event) {
        try {
            topic.ensureExists();
            List<Future<RecordMetadata>> acks = new ArrayList<>(2);
            for (ProducerRecord<String, byte[]> record : records.of(event)) {
                acks.add(producer.send(record));
            }
            // The wait exceeds the producer's delivery timeout, so a future always completes: a record the publisher
            // gave up on is never still in flight, and a retry cannot overtake it.
            long wait = properties.acknowledgementWait().toMillis();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(wait, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            metrics.failed();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublicationFailedException("Kafka did not acknowledge event " + event.getSequenceNumber()
                    + " of tenant " + event.getAggregateIdentifier() + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("interrupted while publishing event " + event.getSequenceNumber()
                    + " of tenant " + event.getAggregateIdentifier(), e);
        }
        audit.recordPublished(event.getAggregateIdentifier(), event.getSequenceNumber());
        metrics.published();
    }
}
