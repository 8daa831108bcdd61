package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The records one batch has sent, pipelined: the producer gets them all at once and the batch waits for their
 * acknowledgements once, at its end. Of one tenant at most one record is in flight: the next waits for the previous
 * acknowledgement, so a record that fails can never be overtaken on the topic by a later record of its tenant (the
 * idempotent producer keeps the order of records it delivers, but after a record expired it goes on with the next).
 * Different tenants do not wait for each other.
 */
final class PublicationBatch {

    private final Producer<String, byte[]> producer;
    private final TenantEventRecords records;
    private final Duration acknowledgementWait;
    private final Map<String, Long> lastPublished;
    private final Map<String, Long> sent = new TreeMap<>();
    private final Map<String, Sent> inFlightByTenant = new HashMap<>();
    private final List<Sent> inFlight = new ArrayList<>();
    private int events;

    /**
     * @param lastPublished the last published sequence of (at least) every tenant of the batch that has one
     */
    PublicationBatch(Producer<String, byte[]> producer, TenantEventRecords records, Duration acknowledgementWait,
                     Map<String, Long> lastPublished) {
        this.producer = producer;
        this.records = records;
        this.acknowledgementWait = acknowledgementWait;
        this.lastPublished = new HashMap<>(lastPublished);
    }

    /** @return the tenant's last sequence on the topic or sent in this batch, -1 when none */
    long lastPublished(String tenantId) {
        return lastPublished.getOrDefault(tenantId, -1L);
    }

    /** Hands the event's records to the producer; they count as published once {@link #awaitAcknowledgements()} returned. */
    void send(DomainEventMessage<?> event) {
        String tenantId = event.getAggregateIdentifier();
        for (ProducerRecord<String, byte[]> record : records.of(event)) {
            Sent previous = inFlightByTenant.get(tenantId);
            if (previous != null) {
                previous.await(acknowledgementWait);
            }
            Sent current;
            try {
                current = new Sent(event, producer.send(record));
            } catch (RuntimeException e) {
                throw Sent.failed(event, e);
            }
            inFlightByTenant.put(tenantId, current);
            inFlight.add(current);
        }
        lastPublished.put(tenantId, event.getSequenceNumber());
        sent.put(tenantId, event.getSequenceNumber());
        events++;
    }

    /**
     * Waits for every record sent. Each wait exceeds the producer's delivery timeout, so a future always completes: a
     * record the publisher gave up on is never still in flight, and a retry cannot overtake it.
     *
     * @throws PublicationFailedException when the broker did not acknowledge one of them
     */
    void awaitAcknowledgements() {
        for (Sent record : inFlight) {
            record.await(acknowledgementWait);
        }
    }

    /** @return the highest sequence sent per tenant, in tenant order (so that concurrent ledger writes lock alike) */
    Map<String, Long> sentSequences() {
        return sent;
    }

    int events() {
        return events;
    }

    private record Sent(DomainEventMessage<?> event, Future<RecordMetadata> acknowledgement) {

        void await(Duration wait) {
            try {
                acknowledgement.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw failed(event, e.getCause());
            } catch (TimeoutException | RuntimeException e) {
                throw failed(event, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublicationFailedException("interrupted while publishing event " + event.getSequenceNumber()
                        + " of tenant " + event.getAggregateIdentifier(), e);
            }
        }

        static PublicationFailedException failed(DomainEventMessage<?> event, Throwable cause) {
            return new PublicationFailedException("Kafka did not acknowledge event " + event.getSequenceNumber()
                    + " of tenant " + event.getAggregateIdentifier() + ": " + cause, cause);
        }
    }
}
