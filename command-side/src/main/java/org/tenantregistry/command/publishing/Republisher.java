package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.config.TenantEventsTopic;
import org.tenantregistry.command.config.TenantKafkaProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Operators' republishing: stored events sent to the topic again, as the publisher sent them. The records are made by
 * the publisher's own {@link TenantEventRecords} from the stored events (same event id, sequence, time, actor and
 * correlation id, same key and headers, a tombstone after a purge), so each is byte for byte the record the topic
 * already has; consumers deduplicate by tenant and sequence, so the copies change nothing there. Only events the topic
 * already had are sent (up to each tenant's last published sequence): what the publisher has not sent yet stays its
 * own. Of one tenant, events go in sequence order with at most one in flight ({@link PublicationBatch}).
 * One job at a time, on a thread of its own; the running or last job is readable while it runs and after.
 */
@Component
public class Republisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);

    /** Events sent before their acknowledgements are awaited: records of many tenants share the producer's requests. */
    private static final int WINDOW = 500;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Producer<String, byte[]> producer;
    private final TenantEventRecords records;
    private final TenantEventsTopic topic;
    private final TenantKafkaProperties properties;
    private final Clock clock;
    private final AtomicReference<Job> current = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "republish");
        thread.setDaemon(true);
        return thread;
    });

    Republisher(EventStore eventStore, JdbcClient jdbc, Producer<String, byte[]> producer, TenantEventRecords records,
                TenantEventsTopic topic, TenantKafkaProperties properties, Clock clock) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.producer = producer;
        this.records = records;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts what is to be sent and starts sending it.
     *
     * @throws InvalidRepublishException  when the request names neither a tenant nor a position, or both
     * @throws AggregateNotFoundException when the tenant has no stored event
     * @throws RepublishRunningException  when a job runs already
     */
    public RepublishStatus start(RepublishRequest request, String requestedBy) {
        List<From> selection = select(request);
        long total = selection.stream().mapToLong(From::events).sum();
        Job job = new Job(request, requestedBy, clock.instant(), total);
        Job before = current.get();
        if ((before != null && before.running()) || !current.compareAndSet(before, job)) {
            throw new RepublishRunningException(current.get().status(clock));
        }
        try {
            executor.execute(() -> run(job, selection));
        } catch (RejectedExecutionException e) {
            job.end("not started: " + e, clock);
            throw e;
        }
        log.info("Republish started by {}: {} events ({})", requestedBy, total, request);
        return job.status(clock);
    }

    /** The running job, or the last one since this instance started. */
    public Optional<RepublishStatus> status() {
        return Optional.ofNullable(current.get()).map(job -> job.status(clock));
    }

    /** Per tenant: where to start, where to stop (its last published sequence), and how many events that is. */
    private List<From> select(RepublishRequest request) {
        if (request.tenantId() != null && request.fromPosition() != null) {
            throw new InvalidRepublishException("from_position", "is for every tenant; leave it out with tenant_id");
        }
        if (request.tenantId() == null && request.fromPosition() == null) {
            throw new InvalidRepublishException("tenant_id", "or from_position is required");
        }
        if (request.fromSequence() != null && request.tenantId() == null) {
            throw new InvalidRepublishException("from_sequence", "is for one tenant; it needs tenant_id");
        }
        if (request.fromSequence() != null && request.fromSequence() < 0) {
            throw new InvalidRepublishException("from_sequence", "must be 0 or more");
        }
        if (request.fromPosition() != null && request.fromPosition() < 0) {
            throw new InvalidRepublishException("from_position", "must be 0 or more");
        }
        if (request.tenantId() != null) {
            String tenantId = tenantId(request.tenantId());
            long from = request.fromSequence() == null ? 0 : request.fromSequence();
            List<From> tenant = jdbc.sql("""
                            SELECT e.aggregate_identifier AS tenant_id, :from AS from_sequence,
                                   COALESCE(p.last_sequence, -1) AS to_sequence,
                                   count(*) FILTER (WHERE e.sequence_number >= :from
                                                      AND e.sequence_number <= COALESCE(p.last_sequence, -1)) AS events
                            FROM domain_event_entry e
                            LEFT JOIN published_sequence p ON p.tenant_id = e.aggregate_identifier
                            WHERE e.aggregate_identifier = :tenantId
                            GROUP BY e.aggregate_identifier, p.last_sequence""")
                    .param("tenantId", tenantId)
                    .param("from", from)
                    .query((rs, row) -> new From(rs.getString("tenant_id"), rs.getLong("from_sequence"),
                            rs.getLong("to_sequence"), rs.getLong("events")))
                    .list();
            if (tenant.isEmpty()) {
                throw new AggregateNotFoundException(tenantId, "no stored event of tenant " + tenantId);
            }
            return tenant;
        }
        // Per tenant its first event at or after the position; tenants in the order of those events.
        return jdbc.sql("""
                        SELECT e.aggregate_identifier AS tenant_id, min(e.sequence_number) AS from_sequence,
                               p.last_sequence AS to_sequence,
                               count(*) FILTER (WHERE e.sequence_number <= p.last_sequence) AS events
                        FROM domain_event_entry e
                        JOIN published_sequence p ON p.tenant_id = e.aggregate_identifier
                        WHERE e.global_index >= :from
                        GROUP BY e.aggregate_identifier, p.last_sequence
                        ORDER BY min(e.global_index)""")
                .param("from", request.fromPosition())
                .query((rs, row) -> new From(rs.getString("tenant_id"), rs.getLong("from_sequence"),
                        rs.getLong("to_sequence"), rs.getLong("events")))
                .list();
    }

    private static String tenantId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidRepublishException("tenant_id", "must be a UUID");
        }
    }

    private void run(Job job, List<From> selection) {
        try {
            topic.ensureExists();
            Instant nextLog = clock.instant().plus(LOG_EVERY);
            PublicationBatch batch = newBatch();
            int inBatch = 0;
            for (From from : selection) {
                // readEvents(id, n) reads the stream itself from n on, never a snapshot.
                Iterator<? extends DomainEventMessage<?>> stream = eventStore.readEvents(from.tenantId(),
                        from.fromSequence()).asStream().iterator();
                while (stream.hasNext()) {
                    DomainEventMessage<?> event = stream.next();
                    if (event.getSequenceNumber() > from.toSequence()) {
                        break;
                    }
                    batch.send(event);
                    inBatch++;
                    if (inBatch >= WINDOW) {
                        batch.awaitAcknowledgements();
                        job.sent(inBatch);
                        batch = newBatch();
                        inBatch = 0;
                    }
                    if (clock.instant().isAfter(nextLog)) {
                        RepublishStatus status = job.status(clock);
                        log.info("Republish: {} of {} events ({}/s)", status.done(), status.total(),
                                status.ratePerSecond());
                        nextLog = clock.instant().plus(LOG_EVERY);
                    }
                }
            }
            batch.awaitAcknowledgements();
            job.sent(inBatch);
            job.end(null, clock);
            RepublishStatus status = job.status(clock);
            log.info("Republish done: {} events sent again", status.done());
        } catch (RuntimeException e) {
            log.error("Republish failed after {} events", job.status(clock).done(), e);
            job.end(e.toString(), clock);
        }
    }

    private PublicationBatch newBatch() {
        return new PublicationBatch(producer, records, properties.acknowledgementWait(), Map.of());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** @param toSequence the tenant's last published sequence; nothing after it is sent */
    private record From(String tenantId, long fromSequence, long toSequence, long events) {
    }

    /** A job's counters, written by its thread and read by status requests. */
    private static final class Job {

        private final RepublishRequest request;
        private final String requestedBy;
        private final Instant startedAt;
        private final long total;
        private long done;
        private Instant finishedAt;
        private String error;

        Job(RepublishRequest request, String requestedBy, Instant startedAt, long total) {
            this.request = request;
            this.requestedBy = requestedBy;
            this.startedAt = startedAt;
            this.total = total;
        }

        synchronized void sent(int events) {
            done += events;
        }

        synchronized void end(String error, Clock clock) {
            this.error = error;
            this.finishedAt = clock.instant();
        }

        synchronized boolean running() {
            return finishedAt == null;
        }

        synchronized RepublishStatus status(Clock clock) {
            Instant until = finishedAt == null ? clock.instant() : finishedAt;
            double seconds = Duration.between(startedAt, until).toMillis() / 1000.0;
            double rate = seconds > 0 ? Math.round(done / seconds * 10) / 10.0 : 0;
            String state = finishedAt == null ? "running" : error == null ? "done" : "failed";
            return new RepublishStatus(state, request, requestedBy, startedAt, finishedAt, done, total, rate, error);
        }
    }
}
